// Checkout eligibility for Pay later, in the order DESIGN.md lists the rules.
import { refuse, ok, type Verdict } from "./errors";
import { formatFen, splitFen } from "./money";
import { availableCreditFen, creditLimitFen, type Plan, type PolicyParams } from "./policy";
import type { CreditState } from "./credit";

export type StoreTerms = {
  name: string;
  active: boolean;
  payLaterEnabled: boolean;
  payLaterForcedOff: boolean;
  payLaterMinFen: number | null;
  payLaterMaxFen: number | null;
};

/** Rule 1: the store is active, offers pay later, and the amount fits its min/max. */
export function checkStoreOffersPayLater(store: StoreTerms, totalFen: number): Verdict {
  if (!store.active) return refuse("STORE_INACTIVE", `${store.name} is not taking orders right now.`);
  if (!store.payLaterEnabled || store.payLaterForcedOff) return refuse("STORE_NO_PAY_LATER", `${store.name} does not offer pay later.`);
  if (store.payLaterMinFen !== null && totalFen < store.payLaterMinFen)
    return refuse("BELOW_STORE_MINIMUM", `${store.name} offers pay later on orders of ${formatFen(store.payLaterMinFen)} or more.`);
  if (store.payLaterMaxFen !== null && totalFen > store.payLaterMaxFen)
    return refuse("ABOVE_STORE_MAXIMUM", `${store.name} offers pay later on orders up to ${formatFen(store.payLaterMaxFen)}.`);
  return ok;
}

/**
 * What a product card or the cart may advertise, e.g. "or 3 × ¥433.00 with Pay later": the enabled plan with the most
 * instalments, when the store offers pay later for this amount. The first instalment is the largest (remainder fen
 * first), so the figure is never below what is asked. Null when there is nothing to offer.
 */
export function payLaterOffer(store: StoreTerms, amountFen: number, plans: readonly Plan[]): { count: number; instalmentFen: number } | null {
  if (amountFen <= 0 || !checkStoreOffersPayLater(store, amountFen).ok) return null;
  const plan = plans.filter((p) => p.enabled && p.instalments > 1).sort((a, b) => b.instalments - a.instalments)[0];
  if (!plan) return null;
  return { count: plan.instalments, instalmentFen: splitFen(amountFen, plan.instalments)[0]! };
}

export function checkPayLaterEligibility(input: { store: StoreTerms; credit: CreditState; policy: PolicyParams; totalFen: number }): Verdict {
  const { store, credit, policy, totalFen } = input;
  const offered = checkStoreOffersPayLater(store, totalFen);
  if (!offered.ok) return offered;
  const scoreTooLow = credit.score < policy.minScore;
  // Someone who could not enable pay later anyway is told about the score, not sent to enable it.
  if (credit.payLaterStatus === "not_enabled" && !scoreTooLow)
    return refuse("PAY_LATER_NOT_ENABLED", "Pay later is not enabled on your account yet. Enable it on your credit page.");
  if (credit.payLaterStatus === "suspended") return refuse("PAY_LATER_SUSPENDED", "Pay later is suspended on your account.");
  if (scoreTooLow) return refuse("SCORE_BELOW_THRESHOLD", `Your score ${credit.score} is below the ${policy.minScore} needed for pay later.`);
  if (credit.hasOverdue) return refuse("HAS_OVERDUE", "You have an overdue payment. Repay it to use pay later again.");
  const available = availableCreditFen(creditLimitFen(credit.score, policy), credit.usedCreditFen);
  if (totalFen > available)
    return refuse("INSUFFICIENT_CREDIT", `Available credit ${formatFen(available)} is less than the order total ${formatFen(totalFen)}.`);
  return ok;
}
