import { describe, expect, it } from "vitest";
import {
  applyScoreDelta,
  canDisablePayLater,
  canEnablePayLater,
  payLaterStatusSentence,
  shouldReinstate,
  shouldSuspendForOverdue,
  type CreditState,
} from "./credit";
import { DEFAULT_POLICY } from "./policy";

const base: CreditState = { score: 640, payLaterStatus: "not_enabled", suspendedReason: null, usedCreditFen: 0, hasOverdue: false };
const codeOf = (v: { ok: boolean; code?: string }) => (v.ok ? "OK" : v.code);

describe("enabling pay later", () => {
  it("is allowed at exactly the threshold and refused one point below", () => {
    expect(codeOf(canEnablePayLater({ ...base, score: 600 }, DEFAULT_POLICY))).toBe("OK");
    const below = canEnablePayLater({ ...base, score: 599 }, DEFAULT_POLICY);
    expect(codeOf(below)).toBe("SCORE_BELOW_THRESHOLD");
    expect(below.ok ? "" : below.message).toBe("Your score 599 is below the 600 needed to enable pay later.");
  });

  it("is refused when already enabled or suspended, with the reason", () => {
    expect(codeOf(canEnablePayLater({ ...base, payLaterStatus: "enabled" }, DEFAULT_POLICY))).toBe("ALREADY_ENABLED");
    const overdue = canEnablePayLater({ ...base, payLaterStatus: "suspended", suspendedReason: "overdue" }, DEFAULT_POLICY);
    expect(codeOf(overdue)).toBe("PAY_LATER_SUSPENDED");
    expect(overdue.ok ? "" : overdue.message).toMatch(/overdue/);
    const admin = canEnablePayLater({ ...base, payLaterStatus: "suspended", suspendedReason: "admin" }, DEFAULT_POLICY);
    expect(admin.ok ? "" : admin.message).toMatch(/support/);
  });

  it("follows the policy's threshold", () => {
    expect(codeOf(canEnablePayLater(base, { ...DEFAULT_POLICY, minScore: 650 }))).toBe("SCORE_BELOW_THRESHOLD");
  });
});

describe("disabling pay later", () => {
  it("is allowed with nothing owed and refused while something is", () => {
    expect(codeOf(canDisablePayLater({ ...base, payLaterStatus: "enabled" }))).toBe("OK");
    const owed = canDisablePayLater({ ...base, payLaterStatus: "enabled", usedCreditFen: 12_345 });
    expect(codeOf(owed)).toBe("BALANCE_OWED");
    expect(owed.ok ? "" : owed.message).toContain("¥123.45");
    expect(codeOf(canDisablePayLater(base))).toBe("NOT_ENABLED");
  });
});

describe("status transitions", () => {
  it("suspends an enabled consumer with something overdue when the policy says so", () => {
    expect(shouldSuspendForOverdue({ ...base, payLaterStatus: "enabled", hasOverdue: true }, DEFAULT_POLICY)).toBe(true);
    expect(shouldSuspendForOverdue({ ...base, payLaterStatus: "enabled", hasOverdue: true }, { ...DEFAULT_POLICY, suspendWhileOverdue: false })).toBe(
      false,
    );
    expect(shouldSuspendForOverdue({ ...base, payLaterStatus: "enabled" }, DEFAULT_POLICY)).toBe(false);
    expect(shouldSuspendForOverdue({ ...base, hasOverdue: true }, DEFAULT_POLICY)).toBe(false);
  });

  it("reinstates an overdue suspension once paid off and the score is high enough, never an admin suspension", () => {
    const suspended: CreditState = { ...base, payLaterStatus: "suspended", suspendedReason: "overdue" };
    expect(shouldReinstate(suspended, DEFAULT_POLICY)).toBe(true);
    expect(shouldReinstate({ ...suspended, hasOverdue: true }, DEFAULT_POLICY)).toBe(false);
    expect(shouldReinstate({ ...suspended, score: 599 }, DEFAULT_POLICY)).toBe(false);
    expect(shouldReinstate({ ...suspended, suspendedReason: "admin" }, DEFAULT_POLICY)).toBe(false);
  });

  it("explains the status in a sentence", () => {
    expect(payLaterStatusSentence({ ...base, score: 520 }, DEFAULT_POLICY)).toBe("Your score 520 is below the 600 needed to enable pay later.");
    expect(payLaterStatusSentence(base, DEFAULT_POLICY)).toMatch(/meets the 600 needed/);
    expect(payLaterStatusSentence({ ...base, payLaterStatus: "suspended", suspendedReason: "overdue" }, DEFAULT_POLICY)).toMatch(/overdue/);
  });
});

describe("score deltas", () => {
  it("clamp and report the delta actually applied", () => {
    expect(applyScoreDelta(945, 10)).toEqual({ score: 950, applied: 5 });
    expect(applyScoreDelta(360, -25)).toEqual({ score: 350, applied: -10 });
    expect(applyScoreDelta(700, -25)).toEqual({ score: 675, applied: -25 });
  });
});

describe("the status sentence after an overdue is repaid", () => {
  it("a consumer left below a raised threshold is told that, not 'overdue'", () => {
    const raised = { ...DEFAULT_POLICY, minScore: 650, bands: DEFAULT_POLICY.bands.slice(1) };
    const repaid = { score: 610, payLaterStatus: "suspended" as const, suspendedReason: "overdue" as const, usedCreditFen: 0, hasOverdue: false };
    expect(payLaterStatusSentence(repaid, raised)).toBe(
      "Everything overdue is repaid, but your score 610 is below the 650 now needed; pay later comes back once it reaches 650.",
    );
    expect(payLaterStatusSentence({ ...repaid, hasOverdue: true }, raised)).toMatch(/because a payment is overdue/);
  });
});
