// The score over time (one point per calendar day it changed: the day's last score) and the way up: what the next
// limit band needs under the policy in force, in points and in on-time instalments.
import { creditLimitFen, type PolicyParams } from "./policy";

export type ScorePoint = { date: string; score: number };

/** One point per day from events in time order: the score after the day's last change. */
export function dailyScores(events: readonly { on: string; scoreAfter: number }[]): ScorePoint[] {
  const points: ScorePoint[] = [];
  for (const e of events) {
    const last = points[points.length - 1];
    if (last && last.date === e.on) last.score = e.scoreAfter;
    else points.push({ date: e.on, score: e.scoreAfter });
  }
  return points;
}

export type WayUp = {
  onTimeBonus: number;
  overduePenalty: number;
  overdue30Penalty: number;
  /** Below the pay-later threshold: how far to it. */
  threshold: { score: number; pointsNeeded: number; onTimePayments: number } | null;
  /** The lowest band above the current score with a higher limit, or null at the top. */
  nextBand: { score: number; limitFen: number; pointsNeeded: number; onTimePayments: number } | null;
  currentLimitFen: number;
};

export function wayUp(score: number, policy: PolicyParams): WayUp {
  const payments = (points: number) => (policy.onTimeBonus > 0 ? Math.ceil(points / policy.onTimeBonus) : 0);
  const currentLimitFen = creditLimitFen(score, policy);
  const next = [...policy.bands]
    .sort((a, b) => a.minScore - b.minScore)
    .find((b) => b.minScore > score && b.minScore >= policy.minScore && b.limitFen > currentLimitFen);
  return {
    onTimeBonus: policy.onTimeBonus,
    overduePenalty: policy.overduePenalty,
    overdue30Penalty: policy.overdue30Penalty,
    threshold:
      score < policy.minScore
        ? { score: policy.minScore, pointsNeeded: policy.minScore - score, onTimePayments: payments(policy.minScore - score) }
        : null,
    nextBand: next
      ? { score: next.minScore, limitFen: next.limitFen, pointsNeeded: next.minScore - score, onTimePayments: payments(next.minScore - score) }
      : null,
    currentLimitFen,
  };
}
