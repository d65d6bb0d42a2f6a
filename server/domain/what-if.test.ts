import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type PolicyParams } from "./policy";
import { summarizeWhatIf, type WhatIfConsumer } from "./what-if";
import { FIVE_CONSUMERS, policyAt650, RAISED_TO_650 } from "./what-if.fixture";

const row = (userId: number, score: number, openPrincipalFen = 0, openBills = 0, name = `C${userId}`): WhatIfConsumer => ({
  userId,
  name,
  email: `${name}@example.com`,
  score,
  payLaterStatus: "not_enabled",
  openPrincipalFen,
  openBills,
});

const raisedTo650 = policyAt650();
const five = FIVE_CONSUMERS.map((c, i) => row(i + 1, c.score, c.openPrincipalFen, c.openBills, c.name));
const loweredTo550: PolicyParams = {
  ...DEFAULT_POLICY,
  minScore: 550,
  bands: [{ minScore: 550, maxScore: 649, limitFen: 50_000 }, ...DEFAULT_POLICY.bands.slice(1)],
};

describe("summarizeWhatIf", () => {
  // The five, and one at 560 that a lower threshold lets in.
  const rows = [...five, row(6, 560)];

  it("counts who loses eligibility and the change in total limits when the threshold rises", () => {
    const out = summarizeWhatIf(five, DEFAULT_POLICY, raisedTo650);
    expect(out).toMatchObject(RAISED_TO_650.summary);
    expect(out.losingConsumers.map((c) => c.name)).toEqual(RAISED_TO_650.losing);
    expect(out.fallingWithOpenBillsConsumers.map((c) => c.name)).toEqual(RAISED_TO_650.fallingWithOpenBills);
  });

  it("counts who gains eligibility and whose limit drops when the threshold falls", () => {
    const out = summarizeWhatIf(rows, DEFAULT_POLICY, loweredTo550);
    expect(out).toMatchObject({ eligibleBefore: 4, eligibleAfter: 5, gaining: 1, losing: 0, limitRaised: 1, limitLowered: 2 });
    expect(out.totalLimitAfterFen - out.totalLimitBeforeFen).toBe(50_000 - 2 * 50_000);
    // dave owes ¥800: within his ¥1,000 limit today, over his new ¥500 one.
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
