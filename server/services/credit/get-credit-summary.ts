import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { creditProfiles } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { payLaterStatusSentence } from "@/server/domain/credit";
import { localDate } from "@/server/calendar";
import { availableCreditFen, creditLimitFen, scoreStanding } from "@/server/domain/policy";
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
    standing: scoreStanding(state.score, policy.params),
    minScore: policy.params.minScore,
    limitFen,
    usedCreditFen: state.usedCreditFen,
    availableCreditFen: availableCreditFen(limitFen, state.usedCreditFen),
    payLaterStatus: state.payLaterStatus,
    suspendedReason: state.suspendedReason,
    // The admin's words, shown only while an admin's suspension lasts.
    suspendedNote: state.suspendedReason === "admin" ? await suspendedNote(db, consumerId) : null,
    hasOverdue: state.hasOverdue,
    statusSentence: payLaterStatusSentence(state, policy.params),
    nextPayment: await nextPayment(db, consumerId),
    pastDue: await pastDueSummary(db, clock, consumerId),
  };
}

async function suspendedNote(db: Db, consumerId: number): Promise<string | null> {
  const row = await first(db.select({ note: creditProfiles.suspendedNote }).from(creditProfiles).where(eq(creditProfiles.userId, consumerId)));
  return row?.note ?? null;
}
