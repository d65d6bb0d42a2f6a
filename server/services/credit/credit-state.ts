import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/prepared";
import { first } from "@/db/query";
import { creditProfiles, instalments } from "@/db/schema";
import type { CreditState } from "@/server/domain/credit";
import { DomainError } from "@/server/domain/errors";
import { owedSql } from "@/server/sql/rules";

/** Whether any of the consumer's open instalments is past its due date plus grace on `today`. */
export async function hasOverdue(db: Db, consumerId: number, today: string): Promise<boolean> {
  return !!(await first(
    db
      .select({ id: instalments.id })
      .from(instalments)
      .where(and(eq(instalments.consumerId, consumerId), eq(instalments.state, "open"), lte(instalments.overdueOn, today)))
      .limit(1),
  ));
}

// The profile and whether anything is overdue, in one prepared statement (checkout asks this on every order).
const creditStateStatement = perConnection((db) =>
  db
    .select({
      score: creditProfiles.score,
      payLaterStatus: creditProfiles.payLaterStatus,
      suspendedReason: creditProfiles.suspendedReason,
      usedCreditFen: creditProfiles.usedCreditFen,
      // 0/1 on SQLite, a boolean on PostgreSQL.
      hasOverdue: sql<
        number | boolean
      >`EXISTS (SELECT 1 FROM ${instalments} WHERE ${instalments.consumerId} = ${creditProfiles.userId} AND ${instalments.state} = 'open' AND ${instalments.overdueOn} <= ${sql.placeholder("today")})`,
    })
    .from(creditProfiles)
    .where(eq(creditProfiles.userId, sql.placeholder("consumerId")))
    .prepare("credit_state"),
);

/** The facts the credit rules need about one consumer. */
export async function loadCreditState(db: Db, consumerId: number, today: string): Promise<CreditState> {
  const [profile] = await creditStateStatement(db).execute({ consumerId, today });
  if (!profile) throw new DomainError("NOT_FOUND", "No credit profile for this account.");
  return {
    score: profile.score,
    payLaterStatus: profile.payLaterStatus,
    suspendedReason: profile.suspendedReason ?? null,
    usedCreditFen: profile.usedCreditFen,
    hasOverdue: profile.hasOverdue === 1 || profile.hasOverdue === true,
  };
}

/** The consumer's next unpaid instalment, if any. */
export async function nextPayment(db: Db, consumerId: number) {
  return (
    (await first(
      db
        .select({
          id: instalments.id,
          billId: instalments.billId,
          dueDate: instalments.dueDate,
          owedFen: sql<number>`${owedSql()}`,
        })
        .from(instalments)
        .where(and(eq(instalments.consumerId, consumerId), eq(instalments.state, "open")))
        .orderBy(asc(instalments.dueDate), asc(instalments.id))
        .limit(1),
    )) ?? null
  );
}
