import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, instalments, orderEvents, orders, payments, refunds, stores } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { DomainError } from "@/server/domain/errors";
import {
  isMonth,
  monthlyStatements,
  monthOf,
  type MonthlyStatement,
  type ScheduledInstalment,
  type StatementEntry,
} from "@/server/domain/statements";

/**
 * The consumer's ledger as statement entries: each bill started (a new pay-later order), each repayment, what each
 * refund took off the bill (unpaid principal and late fee; what went back to the card did not change the balance),
 * each late fee as first charged, each due-date extension fee (charged and paid at once, so it shows as a fee and a
 * payment that leave the balance as it was), and each cancellation (whatever the bill still owed). Four reads, each on the
 * consumer's own rows; a consumer's ledger is small (one row per order, instalment and payment).
 */
export async function statementLedger(db: Db, consumerId: number): Promise<{ entries: StatementEntry[]; scheduled: ScheduledInstalment[] }> {
  const billRows = await db
    .select({
      id: bills.id,
      orderId: bills.orderId,
      totalFen: bills.totalFen,
      createdAt: bills.createdAt,
      number: orders.number,
      storeName: stores.name,
    })
    .from(bills)
    .innerJoin(orders, eq(orders.id, bills.orderId))
    .innerJoin(stores, eq(stores.id, bills.storeId))
    .where(eq(bills.consumerId, consumerId));
  const [instalmentRows, paymentRows, refundRows, cancelRows] = await Promise.all([
    db
      .select({
        billId: instalments.billId,
        dueDate: instalments.dueDate,
        amountFen: instalments.amountFen,
        lateFeeFen: instalments.lateFeeFen,
        feeWaivedFen: instalments.feeWaivedFen,
        overdueMarkedAt: instalments.overdueMarkedAt,
      })
      .from(instalments)
      .where(eq(instalments.consumerId, consumerId)),
    db
      .select({ billId: payments.billId, kind: payments.kind, amountFen: payments.amountFen, createdAt: payments.createdAt })
      .from(payments)
      .where(and(eq(payments.consumerId, consumerId), inArray(payments.kind, ["repayment", "extension_fee"]))),
    db
      .select({
        orderId: refunds.orderId,
        amountFen: refunds.amountFen,
        paidBackFen: refunds.paidBackFen,
        feeWaivedFen: refunds.feeWaivedFen,
        createdAt: refunds.createdAt,
      })
      .from(refunds)
      .innerJoin(bills, eq(bills.orderId, refunds.orderId))
      .where(eq(bills.consumerId, consumerId)),
    db
      .select({ orderId: orderEvents.orderId, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .innerJoin(bills, eq(bills.orderId, orderEvents.orderId))
      .where(and(eq(bills.consumerId, consumerId), eq(orderEvents.type, "cancelled"))),
  ]);

  const billById = new Map(billRows.map((b) => [b.id, b]));
  const billByOrder = new Map(billRows.map((b) => [b.orderId, b]));
  const cancelledAt = new Map(cancelRows.map((c) => [c.orderId, c.createdAt]));
  const about = (b: (typeof billRows)[number]) => ({ orderNumber: b.number, storeName: b.storeName });
  const entries: StatementEntry[] = [];
  const feesOfBill = new Map<number, number>();
  const repaidOfBill = new Map<number, number>();

  for (const b of billRows) entries.push({ kind: "order", on: localDate(b.createdAt), amountFen: b.totalFen, ...about(b) });
  for (const i of instalmentRows) {
    const chargedFen = i.lateFeeFen + i.feeWaivedFen;
    if (chargedFen === 0 || !i.overdueMarkedAt) continue;
    feesOfBill.set(i.billId, (feesOfBill.get(i.billId) ?? 0) + chargedFen);
    entries.push({ kind: "fee", on: localDate(i.overdueMarkedAt), amountFen: chargedFen, ...about(billById.get(i.billId)!) });
  }
  for (const p of paymentRows) {
    const bill = p.billId === null ? undefined : billById.get(p.billId);
    if (!bill) continue;
    if (p.kind === "extension_fee") {
      entries.push({ kind: "fee", on: localDate(p.createdAt), amountFen: p.amountFen, ...about(bill) });
      entries.push({ kind: "payment", on: localDate(p.createdAt), amountFen: p.amountFen, ...about(bill) });
      continue;
    }
    repaidOfBill.set(bill.id, (repaidOfBill.get(bill.id) ?? 0) + p.amountFen);
    entries.push({ kind: "payment", on: localDate(p.createdAt), amountFen: p.amountFen, ...about(bill) });
  }
  for (const r of refundRows) {
    const bill = billByOrder.get(r.orderId)!;
    entries.push({ kind: "refund", on: localDate(r.createdAt), amountFen: r.amountFen - r.paidBackFen + r.feeWaivedFen, ...about(bill) });
  }
  // Only a placed order is cancelled, never after a refund: what its bill still owed is all it was billed and charged less all that was repaid.
  for (const [orderId, at] of cancelledAt) {
    const bill = billByOrder.get(orderId)!;
    const owedFen = bill.totalFen + (feesOfBill.get(bill.id) ?? 0) - (repaidOfBill.get(bill.id) ?? 0);
    entries.push({ kind: "cancellation", on: localDate(at), amountFen: owedFen, ...about(bill) });
  }
  const scheduled = instalmentRows.map((i) => {
    const bill = billById.get(i.billId)!;
    const cancelled = cancelledAt.get(bill.orderId);
    return {
      orderNumber: bill.number,
      dueDate: i.dueDate,
      amountFen: i.amountFen,
      billedOn: localDate(bill.createdAt),
      cancelledOn: cancelled ? localDate(cancelled) : null,
    };
  });
  return { entries, scheduled };
}

/** Every statement of the consumer up to this month, oldest first. */
export async function consumerStatements(db: Db, clock: Clock, consumerId: number): Promise<MonthlyStatement[]> {
  const { entries, scheduled } = await statementLedger(db, consumerId);
  return monthlyStatements(entries, scheduled, monthOf(localDate(clock.now())));
}

export const STATEMENTS_PAGE_SIZE = 12;

export type StatementSummary = Omit<MonthlyStatement, "entries"> & { entryCount: number; current: boolean };

/** The list of months, newest first, a page at a time: `before` is the month the last page ended with (exclusive). */
export async function listStatements(db: Db, clock: Clock, input: { consumerId: number; before?: string | null; limit?: number }) {
  if (input.before && !isMonth(input.before)) throw new DomainError("INVALID_CURSOR", "This page link is not valid any more.");
  const limit = input.limit ?? STATEMENTS_PAGE_SIZE;
  const all = await consumerStatements(db, clock, input.consumerId);
  const thisMonth = monthOf(localDate(clock.now()));
  const newestFirst = all.reverse().filter((s) => !input.before || s.month < input.before);
  const page = newestFirst.slice(0, limit).map(({ entries, ...s }) => ({ ...s, entryCount: entries.length, current: s.month === thisMonth }));
  return { statements: page, nextCursor: newestFirst.length > limit ? page[page.length - 1]!.month : null };
}

/** One month's statement, or NOT_FOUND when the consumer has none for it. */
export async function getStatement(
  db: Db,
  clock: Clock,
  input: { consumerId: number; month: string },
): Promise<MonthlyStatement & { current: boolean }> {
  const statement = isMonth(input.month) ? (await consumerStatements(db, clock, input.consumerId)).find((s) => s.month === input.month) : undefined;
  if (!statement) throw new DomainError("NOT_FOUND", "There is no statement for this month.");
  return { ...statement, current: statement.month === monthOf(localDate(clock.now())) };
}
