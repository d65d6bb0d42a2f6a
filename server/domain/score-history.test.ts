import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./policy";
import { dailyScores, wayUp } from "./score-history";

describe("dailyScores", () => {
  it("keeps each day's last score", () => {
    expect(
      dailyScores([
        { on: "2026-11-01", scoreAfter: 600 },
        { on: "2026-11-01", scoreAfter: 605 },
        { on: "2026-11-03", scoreAfter: 580 },
      ]),
    ).toEqual([
      { date: "2026-11-01", score: 605 },
      { date: "2026-11-03", score: 580 },
    ]);
  });
});

describe("wayUp", () => {
  it("names the next band's score, limit and on-time instalments needed", () => {
    expect(wayUp(640, DEFAULT_POLICY)).toMatchObject({
      threshold: null,
      nextBand: { score: 650, limitFen: 200_000, pointsNeeded: 10, onTimePayments: 2 },
      currentLimitFen: 100_000,
    });
    expect(wayUp(747, DEFAULT_POLICY).nextBand).toMatchObject({ score: 750, pointsNeeded: 3, onTimePayments: 1 });
  });

  it("has no next band at the top, and counts to the threshold below it", () => {
    expect(wayUp(760, DEFAULT_POLICY).nextBand).toBeNull();
    expect(wayUp(520, DEFAULT_POLICY)).toMatchObject({
      threshold: { score: 600, pointsNeeded: 80, onTimePayments: 16 },
      nextBand: { score: 600, limitFen: 100_000 },
    });
  });

  it("follows the policy in force", () => {
    const policy = { ...DEFAULT_POLICY, onTimeBonus: 10, bands: [{ minScore: 600, maxScore: 950, limitFen: 300_000 }] };
    expect(wayUp(590, policy)).toMatchObject({ threshold: { pointsNeeded: 10, onTimePayments: 1 }, nextBand: { score: 600, limitFen: 300_000 } });
    expect(wayUp(640, policy).nextBand).toBeNull();
  });
});
