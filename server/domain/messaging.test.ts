import { describe, expect, it } from "vitest";
import { payLaterOffer, type StoreTerms } from "./eligibility";
import { payLaterMessage } from "./messaging";
import { DEFAULT_POLICY } from "./policy";

const STORE: StoreTerms = {
  name: "Lumen",
  active: true,
  payLaterEnabled: true,
  payLaterForcedOff: false,
  payLaterMinFen: 10_000,
  payLaterMaxFen: 500_000,
};

describe("payLaterMessage", () => {
  it("says 3 × the first instalment in English and Chinese", () => {
    const offer = payLaterOffer(STORE, 129_900, DEFAULT_POLICY.plans);
    expect(payLaterMessage(offer, 129_900, "en")).toEqual({
      eligible: true,
      sentence: "or 3 × ¥433.00 with Pay later",
      instalmentCount: 3,
      instalmentFen: 43_300,
      amountFen: 129_900,
      locale: "en",
    });
    expect(payLaterMessage(offer, 129_900, "zh-CN").sentence).toBe("或先享后付 3 × ¥433.00");
  });

  it("rounds the remainder fen into the figure shown (the first instalment)", () => {
    expect(payLaterMessage(payLaterOffer(STORE, 10_001, DEFAULT_POLICY.plans), 10_001, "en").instalmentFen).toBe(3_334);
  });

  it("is empty outside the store's min/max and where pay later is off", () => {
    for (const [store, amount] of [
      [STORE, 9_999],
      [STORE, 500_001],
      [{ ...STORE, payLaterEnabled: false }, 129_900],
      [{ ...STORE, payLaterForcedOff: true }, 129_900],
    ] as const) {
      const message = payLaterMessage(payLaterOffer(store, amount, DEFAULT_POLICY.plans), amount, "en");
      expect(message).toMatchObject({ eligible: false, sentence: "", instalmentCount: null });
    }
  });
});
