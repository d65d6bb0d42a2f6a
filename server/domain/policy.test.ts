import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { availableCreditFen, bandFor, clampScore, creditLimitFen, DEFAULT_POLICY, policyParamsSchema, SCORE_MAX, SCORE_MIN } from "./policy";

describe("credit limit from score and bands", () => {
  it.each([
    [349, 0],
    [350, 0],
    [599, 0],
    [600, 100_000],
    [649, 100_000],
    [650, 200_000],
    [699, 200_000],
    [700, 500_000],
    [749, 500_000],
    [750, 1_000_000],
    [950, 1_000_000],
  ])("score %i → limit %i fen", (score, limit) => {
    expect(creditLimitFen(score, DEFAULT_POLICY)).toBe(limit);
  });

  it("gives nothing below the minimum score even if a band would cover it", () => {
    const policy = { ...DEFAULT_POLICY, minScore: 650, bands: [{ minScore: 650, maxScore: 950, limitFen: 300_000 }] };
    expect(creditLimitFen(649, policy)).toBe(0);
    expect(creditLimitFen(650, policy)).toBe(300_000);
  });

  it("every score in 350–950 maps to at most one band, and limits never fall as scores rise", () => {
    fc.assert(
      fc.property(fc.integer({ min: SCORE_MIN, max: SCORE_MAX - 1 }), (score) => {
        const matches = DEFAULT_POLICY.bands.filter((b) => score >= b.minScore && score <= b.maxScore);
        expect(matches.length).toBeLessThanOrEqual(1);
        expect(creditLimitFen(score + 1, DEFAULT_POLICY)).toBeGreaterThanOrEqual(creditLimitFen(score, DEFAULT_POLICY));
      }),
    );
    expect(bandFor(500, DEFAULT_POLICY)).toBeNull();
  });
});

describe("available credit", () => {
  it("is the limit less what is used, never below zero", () => {
    expect(availableCreditFen(100_000, 0)).toBe(100_000);
    expect(availableCreditFen(100_000, 32_000)).toBe(68_000);
    expect(availableCreditFen(100_000, 100_000)).toBe(0);
    expect(availableCreditFen(100_000, 150_000)).toBe(0);
  });
});

describe("scores", () => {
  it("clamp to 350–950", () => {
    expect(clampScore(300)).toBe(350);
    expect(clampScore(1000)).toBe(950);
    expect(clampScore(640)).toBe(640);
  });
});

describe("policy validation", () => {
  const issuePaths = (input: unknown) => {
    const result = policyParamsSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
  };

  it("accepts the defaults", () => {
    expect(issuePaths(DEFAULT_POLICY)).toEqual([]);
  });

  it("refuses gaps, overlaps, unsorted bands and a lowest band off the minimum score", () => {
    const bands = DEFAULT_POLICY.bands;
    expect(issuePaths({ ...DEFAULT_POLICY, bands: [bands[0], { ...bands[1]!, minScore: 660 }, bands[2], bands[3]] })).toContain("bands.1.minScore");
    expect(issuePaths({ ...DEFAULT_POLICY, bands: [bands[0], { ...bands[1]!, minScore: 640 }, bands[2], bands[3]] })).toContain("bands.1.minScore");
    expect(issuePaths({ ...DEFAULT_POLICY, bands: [bands[1], bands[0], bands[2], bands[3]] })).toContain("bands.0.minScore");
    expect(issuePaths({ ...DEFAULT_POLICY, minScore: 650 })).toContain("bands.0.minScore");
  });

  it("refuses out-of-range values", () => {
    expect(issuePaths({ ...DEFAULT_POLICY, lateFeeCapBps: 10_001 })).toContain("lateFeeCapBps");
    expect(issuePaths({ ...DEFAULT_POLICY, lateFeeFen: -1 })).toContain("lateFeeFen");
    expect(issuePaths({ ...DEFAULT_POLICY, minScore: 300 })).toContain("minScore");
    expect(issuePaths({ ...DEFAULT_POLICY, plans: [{ ...DEFAULT_POLICY.plans[0]!, intervalDays: 0 }] })).toContain("plans.0.intervalDays");
    expect(issuePaths({ ...DEFAULT_POLICY, plans: DEFAULT_POLICY.plans.map((p) => ({ ...p, enabled: false })) })).toContain("plans");
  });
});
