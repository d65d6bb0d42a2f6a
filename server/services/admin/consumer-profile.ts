import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreementAcceptances, bills, creditEvents, stores, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { payLaterStatusSentence } from "@/server/domain/credit";
import { localDate } from "@/server/domain/dates";
import { DomainError } from "@/server/domain/errors";
import { availableCreditFen, creditLimitFen, scoreBandLabel } from "@/server/domain/policy";
import { loadCreditState } from "@/server/services/credit/credit-state";
import { currentPolicy } from "@/server/services/policy/current-policy";

export const PROFILE_LIST_SIZE = 50;

/** Whether the consumer accepted the newest agreement version. */
export function acceptedCurrentAgreement(db: Db, consumerId: number): boolean {
  const row = db
    .select({ id: agreementAcceptances.id })
    .from(agreementAcceptances)
    .where(and(eq(agreementAcceptances.userId, consumerId), eq(agreementAcceptances.agreementVersion, sql`(SELECT MAX(version) FROM agreements)`)))
    .get();
  return !!row;
}

/** A consumer's credit profile as the admin sees it: score, limit, status, history and bills. */
export function consumerProfile(db: Db, clock: Clock, consumerId: number) {
  const user = db.select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt }).from(users).where(eq(users.id, consumerId)).get();
  if (!user || user.role !== "consumer") throw new DomainError("NOT_FOUND", "No consumer with this id.");
  const today = localDate(clock.now());
  const policy = currentPolicy(db);
  const state = loadCreditState(db, consumerId, today);
  const limitFen = creditLimitFen(state.score, policy.params);

  const events = db
    .select({
      id: creditEvents.id,
      delta: creditEvents.delta,
      scoreAfter: creditEvents.scoreAfter,
      reason: creditEvents.reason,
      note: creditEvents.note,
      orderId: creditEvents.orderId,
      instalmentId: creditEvents.instalmentId,
      actorName: users.name,
      createdAt: creditEvents.createdAt,
    })
    .from(creditEvents)
    .leftJoin(users, eq(users.id, creditEvents.actorUserId))
    .where(eq(creditEvents.userId, consumerId))
    .orderBy(desc(creditEvents.createdAt), desc(creditEvents.id))
    .limit(PROFILE_LIST_SIZE)
    .all();

  // Each bill with what is still owed on it, in one grouped query.
  const billRows = db
    .select({
      id: bills.id,
      orderId: bills.orderId,
      storeName: stores.name,
      planCode: bills.planCode,
      policyVersion: bills.policyVersion,
      totalFen: bills.totalFen,
      status: bills.status,
      createdAt: bills.createdAt,
      owedFen: sql<number>`COALESCE((SELECT SUM(amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen) FROM instalments i WHERE i.bill_id = ${bills.id} AND i.state = 'open'), 0)`,
      nextDueDate: sql<string | null>`(SELECT MIN(due_date) FROM instalments i WHERE i.bill_id = ${bills.id} AND i.state = 'open')`,
      overdue: sql<number>`EXISTS (SELECT 1 FROM instalments i WHERE i.bill_id = ${bills.id} AND i.state = 'open' AND i.overdue_on <= ${today})`,
    })
    .from(bills)
    .innerJoin(stores, eq(stores.id, bills.storeId))
    .where(eq(bills.consumerId, consumerId))
    .orderBy(desc(bills.id))
    .limit(PROFILE_LIST_SIZE)
    .all()
    .map((b) => ({ ...b, overdue: Boolean(b.overdue) }));

  return {
    user: { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt },
    score: state.score,
    band: scoreBandLabel(state.score),
    minScore: policy.params.minScore,
    policyVersion: policy.version,
    limitFen,
    usedCreditFen: state.usedCreditFen,
    availableCreditFen: availableCreditFen(limitFen, state.usedCreditFen),
    payLaterStatus: state.payLaterStatus,
    suspendedReason: state.suspendedReason,
    hasOverdue: state.hasOverdue,
    statusSentence: payLaterStatusSentence(state, policy.params),
    agreementAccepted: acceptedCurrentAgreement(db, consumerId),
    events,
    bills: billRows,
  };
}
