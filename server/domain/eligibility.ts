// Checkout eligibility for Pay later, in the order DESIGN.md lists the rules.
import { refuse, ok, type Verdict } from "./errors";
import { formatFen } from "./money";
import { availableCreditFen, creditLimitFen, type PolicyParams } from "./policy";
import type { CreditState } from "./credit";

export type StoreTerms = {
  name: string;
  active: boolean;
  payLaterEnabled: boolean;
  payLaterForcedOff: boolean;
  payLaterMinFen: number | null;
  payLaterMaxFen: number | null;
};

export function checkPayLaterEligibility(input: { store: StoreTerms; credit: CreditState; policy: PolicyParams; totalFen: number }): Verdict {
  const { store, credit, policy, totalFen } = input;
  if (!store.active) return refuse("STORE_INACTIVE", `${store.name} is not taking orders right now.`);
  if (!store.payLaterEnabled || store.payLaterForcedOff) return refuse("STORE_NO_PAY_LATER", `${store.name} does not offer pay later.`);
  if (store.payLaterMinFen !== null && totalFen < store.payLaterMinFen)
    return refuse("BELOW_STORE_MINIMUM", `${store.name} offers pay later on orders of ${formatFen(store.payLaterMinFen)} or more.`);
  if (store.payLaterMaxFen !== null && totalFen > store.payLaterMaxFen)
    return refuse("ABOVE_STORE_MAXIMUM", `${store.name} offers pay later on orders up to ${formatFen(store.payLaterMaxFen)}.`);
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
