// The credit policy: one zod schema validates it for the admin form and the procedure alike.
import { z } from "zod";
import { MAX_AMOUNT_FEN } from "./money";

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
  const defaults = { authorizationWindowDays: DEFAULT_AUTHORIZATION_WINDOW_DAYS };
  return policyParamsSchema.parse(stored && typeof stored === "object" ? { ...defaults, ...stored } : stored);
}

const DEFAULT_AUTHORIZATION_WINDOW_DAYS = 7;
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

/** A plain-language band name for the score display. */
export function scoreBandLabel(scoreValue: number): { label: string; meaning: string } {
  if (scoreValue >= 750) return { label: "Excellent", meaning: "Top limits and every plan are open to you." };
  if (scoreValue >= 700) return { label: "Very good", meaning: "A high limit; keep paying on time to reach the top band." };
  if (scoreValue >= 650) return { label: "Good", meaning: "A solid record; on-time repayments raise your limit." };
  if (scoreValue >= 600) return { label: "Fair", meaning: "Enough for pay later with a starter limit." };
  return { label: "Building", meaning: "Below what pay later needs today; on-time payments and time improve it." };
}

/** What the admin saves: the parameters and a required note (shared by the policy form and admin.updatePolicy). */
export const policyUpdateSchema = z.object({
  params: policyParamsSchema,
  note: z.string().trim().min(1, "Say why the policy changes.").max(500),
});
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;
