import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { agreementAcceptances, bills, creditEvents, stores, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { payLaterStatusSentence } from "@/server/domain/credit";
import { localDate } from "@/server/calendar";
import { DomainError } from "@/server/domain/errors";
import { availableCreditFen, creditLimitFen, scoreBandLabel } from "@/server/domain/policy";
import { loadCreditState } from "@/server/services/credit/credit-state";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { billColumns } from "@/server/services/bills/list-bills";
import { creditEventColumns } from "@/server/services/credit/list-credit-events";
import { openOverdueSql, owedSql } from "@/server/sql/rules";

export const PROFILE_LIST_SIZE = 50;

/** Whether the consumer accepted the newest agreement version. */
export async function acceptedCurrentAgreement(db: Db, consumerId: number): Promise<boolean> {
  const row = await first(
    db
      .select({ id: agreementAcceptances.id })
      .from(agreementAcceptances)
      .where(and(eq(agreementAcceptances.userId, consumerId), eq(agreementAcceptances.agreementVersion, sql`(SELECT MAX(version) FROM agreements)`)))
      .limit(1),
  );
  return !!row;
}

/** A consumer's credit profile as the admin sees it: score, limit, status, history and bills. */
export async function consumerProfile(db: Db, clock: Clock, consumerId: number) {
  const user = await first(
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, consumerId)),
  );
  if (user?.role !== "consumer") throw new DomainError("NOT_FOUND", "No consumer with this id.");
  const today = localDate(clock.now());
  const policy = await currentPolicy(db);
  const state = await loadCreditState(db, consumerId, today);
  const limitFen = creditLimitFen(state.score, policy.params);

  const events = await db
    .select({ ...creditEventColumns, instalmentId: creditEvents.instalmentId, actorName: users.name })
    .from(creditEvents)
    .leftJoin(users, eq(users.id, creditEvents.actorUserId))
    .where(eq(creditEvents.userId, consumerId))
    .orderBy(desc(creditEvents.createdAt), desc(creditEvents.id))
    .limit(PROFILE_LIST_SIZE);

  // Each bill with what is still owed on it, in one grouped query.
  const billRows = (
    await db
      .select({
        ...billColumns,
        owedFen: sql<number>`COALESCE((SELECT SUM(${owedSql("i")}) FROM instalments i WHERE i.bill_id = ${bills.id} AND i.state = 'open'), 0)`,
        nextDueDate: sql<string | null>`(SELECT MIN(due_date) FROM instalments i WHERE i.bill_id = ${bills.id} AND i.state = 'open')`,
        // EXISTS is 0/1 on SQLite, a boolean on PostgreSQL.
        overdue: sql<number | boolean>`EXISTS (SELECT 1 FROM instalments i WHERE i.bill_id = ${bills.id} AND ${openOverdueSql("i", today)})`,
      })
      .from(bills)
      .innerJoin(stores, eq(stores.id, bills.storeId))
      .where(eq(bills.consumerId, consumerId))
      .orderBy(desc(bills.id))
      .limit(PROFILE_LIST_SIZE)
  ).map((b) => ({ ...b, overdue: Boolean(b.overdue) }));

  return {
    user: { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt },
    score: state.score,
    band: scoreBandLabel(state.score, policy.params),
    minScore: policy.params.minScore,
    policyVersion: policy.version,
    limitFen,
    usedCreditFen: state.usedCreditFen,
    availableCreditFen: availableCreditFen(limitFen, state.usedCreditFen),
    payLaterStatus: state.payLaterStatus,
    suspendedReason: state.suspendedReason,
    hasOverdue: state.hasOverdue,
    statusSentence: payLaterStatusSentence(state, policy.params),
    agreementAccepted: await acceptedCurrentAgreement(db, consumerId),
    events,
    bills: billRows,
  };
}
