import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CreditState } from "./credit";
import { checkPayLaterEligibility, payLaterOffer, type StoreTerms } from "./eligibility";
import { DEFAULT_POLICY } from "./policy";

const store: StoreTerms = {
  name: "Lumen Electronics",
  active: true,
  payLaterEnabled: true,
  payLaterForcedOff: false,
  payLaterMinFen: null,
  payLaterMaxFen: null,
};
const credit: CreditState = { score: 760, payLaterStatus: "enabled", suspendedReason: null, usedCreditFen: 329_900, hasOverdue: false };
const check = (over: { store?: Partial<StoreTerms>; credit?: Partial<CreditState>; totalFen?: number; minScore?: number }) =>
  checkPayLaterEligibility({
    store: { ...store, ...over.store },
    credit: { ...credit, ...over.credit },
    policy: { ...DEFAULT_POLICY, minScore: over.minScore ?? DEFAULT_POLICY.minScore },
    totalFen: over.totalFen ?? 14_900,
  });

describe("checkPayLaterEligibility", () => {
  it("allows an enabled consumer in good standing at a participating store", () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ totalFen: 670_100 })).toEqual({ ok: true });
  });

  it.each([
    ["STORE_INACTIVE", { store: { active: false } }, "Lumen Electronics is not taking orders right now."],
    ["STORE_NO_PAY_LATER", { store: { payLaterEnabled: false } }, "Lumen Electronics does not offer pay later."],
    ["STORE_NO_PAY_LATER", { store: { payLaterForcedOff: true } }, "Lumen Electronics does not offer pay later."],
    ["BELOW_STORE_MINIMUM", { store: { payLaterMinFen: 50_000 } }, "Lumen Electronics offers pay later on orders of ¥500.00 or more."],
    ["ABOVE_STORE_MAXIMUM", { store: { payLaterMaxFen: 10_000 } }, "Lumen Electronics offers pay later on orders up to ¥100.00."],
    [
      "PAY_LATER_NOT_ENABLED",
      { credit: { payLaterStatus: "not_enabled" } },
      "Pay later is not enabled on your account yet. Enable it on your credit page.",
    ],
    ["PAY_LATER_SUSPENDED", { credit: { payLaterStatus: "suspended", suspendedReason: "overdue" } }, "Pay later is suspended on your account."],
    ["SCORE_BELOW_THRESHOLD", { credit: { score: 590 } }, "Your score 590 is below the 600 needed for pay later."],
    ["SCORE_BELOW_THRESHOLD", { credit: { score: 760 }, minScore: 800 }, "Your score 760 is below the 800 needed for pay later."],
    ["HAS_OVERDUE", { credit: { hasOverdue: true } }, "You have an overdue payment. Repay it to use pay later again."],
    ["INSUFFICIENT_CREDIT", { totalFen: 670_101 }, "Available credit ¥6,701.00 is less than the order total ¥6,701.01."],
  ] as const)("refuses with %s", (code, over, message) => {
    expect(check(over as Parameters<typeof check>[0])).toEqual({ ok: false, code, message });
  });

  it("tells a not-enabled consumer below the threshold about the score, since enabling would be refused", () => {
    expect(check({ credit: { payLaterStatus: "not_enabled", score: 520 } })).toMatchObject({
      code: "SCORE_BELOW_THRESHOLD",
      message: "Your score 520 is below the 600 needed for pay later.",
    });
  });

  it("checks the store before the consumer, and the min/max only of a participating store", () => {
    expect(check({ store: { payLaterEnabled: false, payLaterMinFen: 1_000_000 }, credit: { payLaterStatus: "suspended" } })).toMatchObject({
      code: "STORE_NO_PAY_LATER",
    });
    expect(check({ store: { payLaterMinFen: 14_900, payLaterMaxFen: 14_900 } })).toEqual({ ok: true });
  });

  it("never allows a total above the available credit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 600, max: 950 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (score, usedCreditFen, totalFen) => {
          const verdict = check({ credit: { score, usedCreditFen }, totalFen });
          const limit = DEFAULT_POLICY.bands.find((b) => score >= b.minScore && score <= b.maxScore)!.limitFen;
          expect(verdict.ok).toBe(totalFen <= Math.max(0, limit - usedCreditFen));
        },
      ),
    );
  });
});

describe("payLaterOffer", () => {
  const store = { name: "Lumen", active: true, payLaterEnabled: true, payLaterForcedOff: false, payLaterMinFen: 10_000, payLaterMaxFen: 500_000 };
  it("offers the plan with the most instalments, largest part first, within the store's min/max", () => {
    expect(payLaterOffer(store, 129_900, DEFAULT_POLICY.plans)).toEqual({ count: 3, instalmentFen: 43_300 });
    expect(payLaterOffer(store, 329_900, DEFAULT_POLICY.plans)).toEqual({ count: 3, instalmentFen: 109_967 });
    expect(payLaterOffer(store, 9_999, DEFAULT_POLICY.plans)).toBeNull();
    expect(payLaterOffer(store, 500_001, DEFAULT_POLICY.plans)).toBeNull();
  });
  it("offers nothing where the store does not offer pay later, or no instalment plan is enabled", () => {
    expect(payLaterOffer({ ...store, payLaterEnabled: false }, 129_900, DEFAULT_POLICY.plans)).toBeNull();
    expect(payLaterOffer({ ...store, payLaterForcedOff: true }, 129_900, DEFAULT_POLICY.plans)).toBeNull();
    expect(
      payLaterOffer(
        store,
        129_900,
        DEFAULT_POLICY.plans.map((p) => ({ ...p, enabled: p.instalments === 1 })),
      ),
    ).toBeNull();
  });
});
