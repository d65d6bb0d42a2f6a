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
    expect(changes.map((c) => c.key)).toEqual(["minScore", "graceDays", "lateFeeFen", "lateFeeCapBps", "overduePenalty", "suspendWhileOverdue", "bands.0"]);
    expect(changes[0]).toEqual({ key: "minScore", label: "Minimum score", before: "600", after: "620" });
    expect(changes[1]).toMatchObject({ before: "3 days", after: "1 day" });
    expect(changes[2]).toMatchObject({ label: "Late fee", before: "¥15.00", after: "¥20.00" });
    expect(changes[3]).toMatchObject({ before: "25% of the instalment", after: "12.5% of the instalment" });
    expect(changes[4]).toMatchObject({ before: "−25", after: "−30" });
    expect(changes[5]).toMatchObject({ before: "Yes", after: "No" });
    expect(changes[6]).toEqual({ key: "bands.0", label: "Limit band 1", before: "600–649: ¥1,000.00", after: "620–649: ¥1,000.00" });
  });

  it("reports added and removed bands with a null side", () => {
    const fewer = edit((p) => {
      p.minScore = 650;
      p.bands = p.bands.slice(1);
    });
    const changes = diffPolicies(DEFAULT_POLICY, fewer);
    // Every band shifted one place, so each position changed and the last one disappeared.
    expect(changes.filter((c) => c.key.startsWith("bands."))).toHaveLength(4);
    expect(changes.at(-1)).toEqual({ key: "bands.3", label: "Limit band 4", before: "750–950: ¥10,000.00", after: null });
    expect(diffPolicies(fewer, DEFAULT_POLICY).at(-1)).toMatchObject({ before: null, after: "750–950: ¥10,000.00" });
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
