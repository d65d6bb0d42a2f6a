import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type PolicyParams } from "./policy";
import { summarizeWhatIf, type WhatIfConsumer } from "./what-if";

const row = (userId: number, score: number, openPrincipalFen = 0, openBills = 0): WhatIfConsumer => ({
  userId,
  name: `C${userId}`,
  email: `c${userId}@example.com`,
  score,
  payLaterStatus: "not_enabled",
  openPrincipalFen,
  openBills,
});

const raisedTo650: PolicyParams = { ...DEFAULT_POLICY, minScore: 650, bands: DEFAULT_POLICY.bands.slice(1) };
const loweredTo550: PolicyParams = {
  ...DEFAULT_POLICY,
  minScore: 550,
  bands: [{ minScore: 550, maxScore: 649, limitFen: 50_000 }, ...DEFAULT_POLICY.bands.slice(1)],
};

describe("summarizeWhatIf", () => {
  const rows = [row(1, 520), row(2, 560), row(3, 610, 80_000, 1), row(4, 640), row(5, 660, 150_000, 2), row(6, 760)];

  it("counts who loses eligibility and the change in total limits when the threshold rises", () => {
    const out = summarizeWhatIf(rows, DEFAULT_POLICY, raisedTo650);
    expect(out).toMatchObject({
      consumers: 6,
      eligibleBefore: 4,
      eligibleAfter: 2,
      gaining: 0,
      losing: 2,
      // before: 1,000 + 1,000 + 2,000 + 10,000; after: 2,000 + 10,000 (yuan)
      totalLimitBeforeFen: 1_400_000,
      totalLimitAfterFen: 1_200_000,
      limitRaised: 0,
      limitLowered: 2,
      overNewLimit: 1,
      fallingWithOpenBills: 1,
      fallingWithOpenBillsPrincipalFen: 80_000,
    });
    expect(out.losingConsumers.map((c) => c.userId)).toEqual([3, 4]);
    expect(out.fallingWithOpenBillsConsumers.map((c) => c.userId)).toEqual([3]);
  });

  it("counts who gains eligibility and whose limit drops when the threshold falls", () => {
    const out = summarizeWhatIf(rows, DEFAULT_POLICY, loweredTo550);
    expect(out).toMatchObject({ eligibleBefore: 4, eligibleAfter: 5, gaining: 1, losing: 0, limitRaised: 1, limitLowered: 2 });
    expect(out.totalLimitAfterFen - out.totalLimitBeforeFen).toBe(50_000 - 2 * 50_000);
    // C3 owes ¥800: within its ¥1,000 limit today, over its new ¥500 one.
    expect(out.overNewLimit).toBe(1);
    expect(out.losingConsumers).toEqual([]);
  });

  it("changes nothing for an identical policy", () => {
    const out = summarizeWhatIf(rows, DEFAULT_POLICY, DEFAULT_POLICY);
    expect(out).toMatchObject({ gaining: 0, losing: 0, limitRaised: 0, limitLowered: 0, overNewLimit: 0, fallingWithOpenBills: 0 });
    expect(out.totalLimitAfterFen).toBe(out.totalLimitBeforeFen);
  });

  it("lists at most the first consumers but counts all", () => {
    const many = Array.from({ length: 30 }, (_, i) => row(i + 1, 600 + (i % 40), 100, 1));
    const out = summarizeWhatIf(many, DEFAULT_POLICY, raisedTo650, 5);
    expect(out.losing).toBe(30);
    expect(out.losingConsumers).toHaveLength(5);
    expect(out.fallingWithOpenBills).toBe(30);
    expect(out.fallingWithOpenBillsConsumers).toHaveLength(5);
    expect(out.fallingWithOpenBillsPrincipalFen).toBe(3_000);
  });

  it("handles no consumers", () => {
    expect(summarizeWhatIf([], DEFAULT_POLICY, raisedTo650)).toMatchObject({ consumers: 0, totalLimitBeforeFen: 0, totalLimitAfterFen: 0 });
  });
});
