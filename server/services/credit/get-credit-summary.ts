import type { Db } from "@/db/client";
import type { Clock } from "@/server/clock";
import { payLaterStatusSentence } from "@/server/domain/credit";
import { localDate } from "@/server/calendar";
import { availableCreditFen, creditLimitFen, scoreBandLabel } from "@/server/domain/policy";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { pastDueSummary } from "@/server/services/bills/past-due";
import { loadCreditState, nextPayment } from "./credit-state";

/** Everything the consumer's overview and credit page show at a glance. */
export async function getCreditSummary(db: Db, clock: Clock, consumerId: number) {
  const today = localDate(clock.now());
  const policy = await currentPolicy(db);
  const state = await loadCreditState(db, consumerId, today);
  const limitFen = creditLimitFen(state.score, policy.params);
  return {
    score: state.score,
    band: scoreBandLabel(state.score),
    minScore: policy.params.minScore,
    limitFen,
    usedCreditFen: state.usedCreditFen,
    availableCreditFen: availableCreditFen(limitFen, state.usedCreditFen),
    payLaterStatus: state.payLaterStatus,
    suspendedReason: state.suspendedReason,
    hasOverdue: state.hasOverdue,
    statusSentence: payLaterStatusSentence(state, policy.params),
    nextPayment: await nextPayment(db, consumerId),
    pastDue: await pastDueSummary(db, clock, consumerId),
  };
}
