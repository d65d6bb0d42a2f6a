import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/prepared";
import { creditProfiles, instalments } from "@/db/schema";
import type { CreditState } from "@/server/domain/credit";
import { DomainError } from "@/server/domain/errors";

/** Whether any of the consumer's open instalments is past its due date plus grace on `today`. */
export function hasOverdue(db: Db, consumerId: number, today: string): boolean {
  return !!db
    .select({ id: instalments.id })
    .from(instalments)
    .where(and(eq(instalments.consumerId, consumerId), eq(instalments.state, "open"), lte(instalments.overdueOn, today)))
    .limit(1)
    .get();
}

// The profile and whether anything is overdue, in one prepared statement (checkout asks this on every order).
const creditStateStatement = perConnection((db) =>
  db
    .select({
      score: creditProfiles.score,
      payLaterStatus: creditProfiles.payLaterStatus,
      suspendedReason: creditProfiles.suspendedReason,
      usedCreditFen: creditProfiles.usedCreditFen,
      hasOverdue: sql<number>`EXISTS (SELECT 1 FROM ${instalments} WHERE ${instalments.consumerId} = ${creditProfiles.userId} AND ${instalments.state} = 'open' AND ${instalments.overdueOn} <= ${sql.placeholder("today")})`,
    })
    .from(creditProfiles)
    .where(eq(creditProfiles.userId, sql.placeholder("consumerId")))
    .prepare(),
);

/** The facts the credit rules need about one consumer. */
export function loadCreditState(db: Db, consumerId: number, today: string): CreditState {
  const profile = creditStateStatement(db).get({ consumerId, today });
  if (!profile) throw new DomainError("NOT_FOUND", "No credit profile for this account.");
  return {
    score: profile.score,
    payLaterStatus: profile.payLaterStatus,
    suspendedReason: profile.suspendedReason ?? null,
    usedCreditFen: profile.usedCreditFen,
    hasOverdue: profile.hasOverdue === 1,
  };
}

/** The consumer's next unpaid instalment, if any. */
export function nextPayment(db: Db, consumerId: number) {
  return (
    db
      .select({
        id: instalments.id,
        billId: instalments.billId,
        dueDate: instalments.dueDate,
        owedFen: sql<number>`${instalments.amountFen} - ${instalments.paidPrincipalFen} + ${instalments.lateFeeFen} - ${instalments.paidFeeFen}`,
      })
      .from(instalments)
      .where(and(eq(instalments.consumerId, consumerId), eq(instalments.state, "open")))
      .orderBy(asc(instalments.dueDate), asc(instalments.id))
      .limit(1)
      .get() ?? null
  );
}
