// Consumer credit: enabling and disabling pay-later, suspension and reinstatement, score effects.
import { ok, refuse, type Verdict } from "./errors";
import { formatFen } from "./money";
import { clampScore, type PolicyParams } from "./policy";

// The domain owns the word; db/schema/enums.ts stores the same list (tests/architecture.test.ts checks they agree).
export type PayLaterStatus = "not_enabled" | "enabled" | "suspended";

export type CreditState = {
  score: number;
  payLaterStatus: PayLaterStatus;
  suspendedReason: "overdue" | "admin" | null;
  usedCreditFen: number;
  hasOverdue: boolean;
};

export function canEnablePayLater(state: CreditState, policy: PolicyParams): Verdict {
  if (state.payLaterStatus === "enabled") return refuse("ALREADY_ENABLED", "Pay later is already enabled.");
  if (state.payLaterStatus === "suspended")
    return refuse(
      "PAY_LATER_SUSPENDED",
      state.suspendedReason === "admin"
        ? "Pay later was suspended by Houfu support; contact support to reinstate it."
        : "Pay later is suspended while a payment is overdue; repay it to be reinstated.",
    );
  if (state.score < policy.minScore)
    return refuse("SCORE_BELOW_THRESHOLD", `Your score ${state.score} is below the ${policy.minScore} needed to enable pay later.`);
  return ok;
}

export function canDisablePayLater(state: CreditState): Verdict {
  if (state.payLaterStatus !== "enabled") return refuse("NOT_ENABLED", "Pay later is not enabled.");
  if (state.usedCreditFen > 0)
    return refuse("BALANCE_OWED", `You still owe ${formatFen(state.usedCreditFen)} on pay-later bills; repay them before turning pay later off.`);
  return ok;
}

/** Whether an overdue-suspended consumer should be reinstated now. Admin suspensions stay. */
export function shouldReinstate(state: CreditState, policy: PolicyParams): boolean {
  return state.payLaterStatus === "suspended" && state.suspendedReason === "overdue" && !state.hasOverdue && state.score >= policy.minScore;
}

export function shouldSuspendForOverdue(state: CreditState, policy: PolicyParams): boolean {
  return policy.suspendWhileOverdue && state.payLaterStatus === "enabled" && state.hasOverdue;
}

/** A score after a delta, clamped to 350–950, and the delta actually applied. */
export function applyScoreDelta(score: number, delta: number): { score: number; applied: number } {
  const next = clampScore(score + delta);
  return { score: next, applied: next - score };
}

/** A plain sentence about pay-later status for the credit page. */
export function payLaterStatusSentence(state: CreditState, policy: PolicyParams): string {
  switch (state.payLaterStatus) {
    case "enabled":
      return "Pay later is enabled: choose it at checkout at any store that offers it.";
    case "suspended":
      if (state.suspendedReason === "admin") return "Pay later is suspended by Houfu support. Contact support to reinstate it.";
      // Repaid, but the threshold rose above the score meanwhile: "overdue" would send them to a bill with nothing on it.
      if (!state.hasOverdue && state.score < policy.minScore)
        return `Everything overdue is repaid, but your score ${state.score} is below the ${policy.minScore} now needed; pay later comes back once it reaches ${policy.minScore}.`;
      return "Pay later is suspended because a payment is overdue. Repay what is overdue and it comes back automatically.";
    case "not_enabled": {
      const verdict = canEnablePayLater(state, policy);
      return verdict.ok ? `Your score ${state.score} meets the ${policy.minScore} needed: you can enable pay later.` : verdict.message;
    }
  }
}
