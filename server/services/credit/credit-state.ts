import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
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

/** The facts the credit rules need about one consumer. */
export function loadCreditState(db: Db, consumerId: number, today: string): CreditState {
  const profile = db.select().from(creditProfiles).where(eq(creditProfiles.userId, consumerId)).get();
  if (!profile) throw new DomainError("NOT_FOUND", "No credit profile for this account.");
  return {
    score: profile.score,
    payLaterStatus: profile.payLaterStatus,
    suspendedReason: profile.suspendedReason ?? null,
    usedCreditFen: profile.usedCreditFen,
    hasOverdue: hasOverdue(db, consumerId, today),
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
