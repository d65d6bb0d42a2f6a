import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type PolicyParams } from "./policy";
import { diffPolicies, formatBps } from "./policy-diff";

const edit = (change: (p: PolicyParams) => void): PolicyParams => {
  const copy = structuredClone(DEFAULT_POLICY);
  change(copy);
  return copy;
};

describe("diffPolicies", () => {
  it("finds nothing between a policy and itself", () => {
    expect(diffPolicies(DEFAULT_POLICY, structuredClone(DEFAULT_POLICY))).toEqual([]);
  });

  it("describes each changed scalar in words, with money and percentages formatted", () => {
    const after = edit((p) => {
      p.minScore = 620;
      p.lateFeeFen = 2_000;
      p.lateFeeCapBps = 1_250;
      p.suspendWhileOverdue = false;
      p.graceDays = 1;
      p.overduePenalty = 30;
    });
    after.bands[0]!.minScore = 620;
    const changes = diffPolicies(DEFAULT_POLICY, after);
    expect(changes.map((c) => c.key)).toEqual([
      "minScore",
      "graceDays",
      "lateFeeFen",
      "lateFeeCapBps",
      "overduePenalty",
      "suspendWhileOverdue",
      "bands.600",
      "bands.620",
    ]);
    expect(changes[0]).toEqual({ key: "minScore", label: "Minimum score", before: "600", after: "620" });
    expect(changes[1]).toMatchObject({ before: "3 days", after: "1 day" });
    expect(changes[2]).toMatchObject({ label: "Late fee", before: "¥15.00", after: "¥20.00" });
    expect(changes[3]).toMatchObject({ before: "25% of the instalment", after: "12.5% of the instalment" });
    expect(changes[4]).toMatchObject({ before: "−25", after: "−30" });
    expect(changes[5]).toMatchObject({ before: "Yes", after: "No" });
    // A band that starts elsewhere is a different band: the old one went, a new one came.
    expect(changes[6]).toEqual({ key: "bands.600", label: "Limit band from 600", before: "600–649: ¥1,000.00", after: null });
    expect(changes[7]).toEqual({ key: "bands.620", label: "Limit band from 620", before: null, after: "620–649: ¥1,000.00" });
  });

  it("reports only the bands that changed, matched by their starting score", () => {
    const fewer = edit((p) => {
      p.minScore = 650;
      p.bands = p.bands.slice(1);
    });
    // Dropping the lowest band is one removal, not a shift of every band.
    expect(diffPolicies(DEFAULT_POLICY, fewer).filter((c) => c.key.startsWith("bands."))).toEqual([
      { key: "bands.600", label: "Limit band from 600", before: "600–649: ¥1,000.00", after: null },
    ]);
    expect(diffPolicies(fewer, DEFAULT_POLICY).filter((c) => c.key.startsWith("bands."))).toEqual([
      { key: "bands.600", label: "Limit band from 600", before: null, after: "600–649: ¥1,000.00" },
    ]);
    const reshaped = edit((p) => {
      p.bands[1]!.limitFen = 250_000;
      p.bands[2]!.maxScore = 799;
      p.bands[3]!.minScore = 800;
    });
    expect(diffPolicies(DEFAULT_POLICY, reshaped)).toEqual([
      { key: "bands.650", label: "Limit band from 650", before: "650–699: ¥2,000.00", after: "650–699: ¥2,500.00" },
      { key: "bands.700", label: "Limit band from 700", before: "700–749: ¥5,000.00", after: "700–799: ¥5,000.00" },
      { key: "bands.750", label: "Limit band from 750", before: "750–950: ¥10,000.00", after: null },
      { key: "bands.800", label: "Limit band from 800", before: null, after: "800–950: ¥10,000.00" },
    ]);
  });

  it("compares plans by code, whatever their order", () => {
    const reordered = edit((p) => p.plans.reverse());
    expect(diffPolicies(DEFAULT_POLICY, reordered)).toEqual([]);
    const changed = edit((p) => {
      p.plans[1]!.enabled = false;
      p.plans[1]!.instalments = 4;
    });
    expect(diffPolicies(DEFAULT_POLICY, changed)).toEqual([
      {
        key: "plans.pay_in_3",
        label: "Plan Pay in 3",
        before: "Pay in 3: 3 instalments every 30 days, offered",
        after: "Pay in 3: 4 instalments every 30 days, not offered",
      },
    ]);
    const dropped = edit((p) => (p.plans = p.plans.slice(0, 1)));
    expect(diffPolicies(DEFAULT_POLICY, dropped)).toEqual([
      { key: "plans.pay_in_3", label: "Plan Pay in 3", before: "Pay in 3: 3 instalments every 30 days, offered", after: null },
    ]);
    expect(diffPolicies(dropped, DEFAULT_POLICY)[0]).toMatchObject({ before: null });
  });

  it("describes a one-payment plan as such", () => {
    const changed = edit((p) => (p.plans[0]!.intervalDays = 14));
    expect(diffPolicies(DEFAULT_POLICY, changed)[0]).toMatchObject({
      before: "Pay in 30 days: one payment after 30 days, offered",
      after: "Pay in 30 days: one payment after 14 days, offered",
    });
  });
});

describe("formatBps", () => {
  it("prints basis points as a percentage without trailing zeros", () => {
    expect(formatBps(2_500)).toBe("25%");
    expect(formatBps(1_250)).toBe("12.5%");
    expect(formatBps(1)).toBe("0.01%");
    expect(formatBps(0)).toBe("0%");
    expect(formatBps(10_000)).toBe("100%");
  });
});
