// The credit policy: one zod schema validates it for the admin form and the procedure alike.
import { z } from "zod";
import { formatFen, MAX_AMOUNT_FEN } from "./money";

export const SCORE_MIN = 350;
export const SCORE_MAX = 950;

// Messages name the units the admin edits in (scores, yuan, percent, days), not the stored ones.
const whole = (what: string) => z.number({ error: `Enter ${what}.` }).int(`Enter ${what} as a whole number.`);
const score = whole("a score").min(SCORE_MIN, `Scores start at ${SCORE_MIN}.`).max(SCORE_MAX, `Scores end at ${SCORE_MAX}.`);
const fen = z
  .number({ error: "Enter an amount in yuan, like 15.00." })
  .int("Use at most two decimals.")
  .min(0, "Amounts cannot be negative.")
  .max(MAX_AMOUNT_FEN, "At most ¥1,000,000.");
const days = (min: number, max: number) =>
  whole("a number of days")
    .min(min, `At least ${min} ${min === 1 ? "day" : "days"}.`)
    .max(max, `At most ${max} days.`);
const points = (max: number) => whole("points").min(0, "Use 0 or more points.").max(max, `At most ${max} points.`);

export const bandSchema = z.object({
  minScore: score,
  maxScore: score,
  limitFen: fen,
});

export const PLAN_CODES = ["pay_in_30", "pay_in_3"] as const;
export type PlanCode = (typeof PLAN_CODES)[number];

export const planSchema = z.object({
  code: z.enum(PLAN_CODES),
  label: z.string().trim().min(1).max(60),
  instalments: whole("a number of instalments").min(1, "At least 1 instalment.").max(12, "At most 12 instalments."),
  // Days between the order and the first due date, and between due dates.
  intervalDays: days(1, 365),
  enabled: z.boolean(),
});

export const policyParamsSchema = z
  .object({
    minScore: score,
    startingScore: score,
    bands: z.array(bandSchema).min(1).max(20),
    plans: z.array(planSchema).min(1).max(PLAN_CODES.length),
    graceDays: days(0, 60),
    lateFeeFen: fen,
    lateFeeCapBps: z
      .number({ error: "Enter a percentage, like 25." })
      .int("Use at most two decimals.")
      .min(0, "The cap cannot be negative.")
      .max(10_000, "The cap is at most 100%."),
    onTimeBonus: points(100),
    overduePenalty: points(300),
    overdue30Penalty: points(300),
    suspendWhileOverdue: z.boolean(),
    // Merchant API: days a shop has to capture an authorization before it expires and the credit is released.
    authorizationWindowDays: days(1, 30),
    // Due-date extension: once per order, one upcoming instalment moves by up to these days (0: not
    // offered), for this fee.
    extensionMaxDays: days(0, 60),
    extensionFeeFen: fen,
  })
  .superRefine((p, ctx) => {
    p.bands.forEach((band, i) => {
      if (band.maxScore < band.minScore) ctx.addIssue({ code: "custom", path: ["bands", i, "maxScore"], message: "The band ends before it starts." });
      const prev = p.bands[i - 1];
      if (prev && band.minScore !== prev.maxScore + 1)
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "minScore"],
          message: `Bands must be sorted and contiguous: this band should start at ${prev.maxScore + 1}.`,
        });
    });
    if (p.bands[0] && p.bands[0].minScore !== p.minScore)
      ctx.addIssue({
        code: "custom",
        path: ["bands", 0, "minScore"],
        message: `The lowest band must start at the minimum score (${p.minScore}).`,
      });
    const codes = p.plans.map((plan) => plan.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: "custom", path: ["plans"], message: "Each plan may appear once." });
    if (!p.plans.some((plan) => plan.enabled)) ctx.addIssue({ code: "custom", path: ["plans"], message: "At least one plan must be offered." });
  });

export type PolicyParams = z.infer<typeof policyParamsSchema>;

/** A stored policy version's params: versions saved before a term existed read it as its default. */
export function storedPolicyParams(stored: unknown): PolicyParams {
  const defaults = {
    authorizationWindowDays: DEFAULT_AUTHORIZATION_WINDOW_DAYS,
    extensionMaxDays: DEFAULT_EXTENSION_MAX_DAYS,
    extensionFeeFen: DEFAULT_EXTENSION_FEE_FEN,
  };
  return policyParamsSchema.parse(stored && typeof stored === "object" ? { ...defaults, ...stored } : stored);
}

const DEFAULT_AUTHORIZATION_WINDOW_DAYS = 7;
const DEFAULT_EXTENSION_MAX_DAYS = 14;
const DEFAULT_EXTENSION_FEE_FEN = 0;
export type Plan = z.infer<typeof planSchema>;
export type Band = z.infer<typeof bandSchema>;

export const DEFAULT_POLICY: PolicyParams = {
  minScore: 600,
  startingScore: 600,
  bands: [
    { minScore: 600, maxScore: 649, limitFen: 100_000 },
    { minScore: 650, maxScore: 699, limitFen: 200_000 },
    { minScore: 700, maxScore: 749, limitFen: 500_000 },
    { minScore: 750, maxScore: 950, limitFen: 1_000_000 },
  ],
  plans: [
    { code: "pay_in_30", label: "Pay in 30 days", instalments: 1, intervalDays: 30, enabled: true },
    { code: "pay_in_3", label: "Pay in 3", instalments: 3, intervalDays: 30, enabled: true },
  ],
  graceDays: 3,
  lateFeeFen: 1_500,
  lateFeeCapBps: 2_500,
  onTimeBonus: 5,
  overduePenalty: 25,
  overdue30Penalty: 50,
  suspendWhileOverdue: true,
  authorizationWindowDays: DEFAULT_AUTHORIZATION_WINDOW_DAYS,
  extensionMaxDays: DEFAULT_EXTENSION_MAX_DAYS,
  extensionFeeFen: DEFAULT_EXTENSION_FEE_FEN,
};

export function clampScore(value: number): number {
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(value)));
}

/** The band a score falls in, or null below the lowest band. */
export function bandFor(scoreValue: number, policy: PolicyParams): Band | null {
  return policy.bands.find((b) => scoreValue >= b.minScore && scoreValue <= b.maxScore) ?? null;
}

/** Credit limit for a score under a policy: the band's limit, zero below the threshold. */
export function creditLimitFen(scoreValue: number, policy: PolicyParams): number {
  if (scoreValue < policy.minScore) return 0;
  return bandFor(scoreValue, policy)?.limitFen ?? 0;
}

export function availableCreditFen(limitFen: number, usedFen: number): number {
  return Math.max(0, limitFen - usedFen);
}

export function findPlan(policy: PolicyParams, code: string): Plan | null {
  return policy.plans.find((p) => p.code === code && p.enabled) ?? null;
}

export type ScoreTier = "building" | "fair" | "good" | "veryGood" | "excellent";

/** Where a score stands under a policy: its band and the next one up, as facts a page can put in words. */
export type ScoreStanding = {
  tier: ScoreTier;
  minScore: number;
  limitFen: number;
  /** The start of the next band up and its limit; null in the top band (or below the minimum, where the next step is minScore). */
  nextMinScore: number | null;
  nextLimitFen: number | null;
  /** The band is the only one, the lowest of several, a middle one or the top one. */
  place: "below" | "only" | "lowest" | "middle" | "top";
};

const TIER_LABEL: Record<ScoreTier, string> = { building: "Building", fair: "Fair", good: "Good", veryGood: "Very good", excellent: "Excellent" };

/** The standing of a score under the policy in force: tiers follow the policy's own bands, not fixed scores. */
export function scoreStanding(scoreValue: number, policy: PolicyParams): ScoreStanding {
  const index = scoreValue < policy.minScore ? -1 : policy.bands.findIndex((b) => scoreValue >= b.minScore && scoreValue <= b.maxScore);
  const count = policy.bands.length;
  if (index < 0) {
    const lowest = policy.bands[0];
    return {
      tier: "building",
      minScore: policy.minScore,
      limitFen: 0,
      nextMinScore: policy.minScore,
      nextLimitFen: lowest?.limitFen ?? null,
      place: "below",
    };
  }
  const band = policy.bands[index]!;
  const next = policy.bands[index + 1] ?? null;
  const place = count === 1 ? "only" : index === 0 ? "lowest" : index === count - 1 ? "top" : "middle";
  const tier: ScoreTier = place === "top" ? "excellent" : place === "middle" ? (index >= (count - 1) / 2 ? "veryGood" : "good") : "fair";
  return {
    tier,
    minScore: policy.minScore,
    limitFen: band.limitFen,
    nextMinScore: next?.minScore ?? null,
    nextLimitFen: next?.limitFen ?? null,
    place,
  };
}

/** A plain-language band name and meaning for the score display, from the policy's bands. */
export function scoreBandLabel(scoreValue: number, policy: PolicyParams): { label: string; meaning: string } {
  const s = scoreStanding(scoreValue, policy);
  return { label: TIER_LABEL[s.tier], meaning: bandMeaning(s, formatFen) };
}

/** The English meaning of a standing (lib/i18n/localise.ts says the same in each language). */
function bandMeaning(s: ScoreStanding, money: (fen: number) => string): string {
  switch (s.place) {
    case "below":
      return `Below the ${s.minScore} pay later needs today; on-time payments and time improve it.`;
    case "only":
      return `Enough for pay later, with a limit of ${money(s.limitFen)}.`;
    case "lowest":
      return `Enough for pay later, with a starter limit of ${money(s.limitFen)}; reach ${s.nextMinScore} for ${money(s.nextLimitFen ?? 0)}.`;
    case "middle":
      return `A limit of ${money(s.limitFen)}; reach ${s.nextMinScore} for ${money(s.nextLimitFen ?? 0)}.`;
    case "top":
      return `The top band: a limit of ${money(s.limitFen)}.`;
  }
}

/** What the admin saves: the parameters and a required note (shared by the policy form and admin.updatePolicy). */
export const policyUpdateSchema = z.object({
  params: policyParamsSchema,
  note: z.string().trim().min(1, "Say why the policy changes.").max(500),
});
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;
