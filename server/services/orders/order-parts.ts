// What both views of one order show (the consumer's own, and the store's): its lines, and its bill with each
// instalment's state today. Each view adds its own parts (store, shipping; masked customer, history, refunds).
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { bills, instalments, orderLines } from "@/db/schema";
import { daysOverdue, instalmentStatus, owedFen } from "@/server/domain/instalments";

export async function orderLineViews(db: Db, orderId: number) {
  return (await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id))).map((l) => ({
    id: l.id,
    productName: l.productName,
    unitPriceFen: l.unitPriceFen,
    quantity: l.quantity,
    lineTotalFen: l.unitPriceFen * l.quantity,
  }));
}

/** The order's bill (pay later only) with its schedule as of `today`, or null. */
export async function billWithSchedule(db: Db, orderId: number, today: string) {
  const bill = await first(db.select().from(bills).where(eq(bills.orderId, orderId)));
  if (!bill) return null;
  const schedule = (await db.select().from(instalments).where(eq(instalments.billId, bill.id)).orderBy(asc(instalments.seq))).map((i) => ({
    id: i.id,
    seq: i.seq,
    dueDate: i.dueDate,
    amountFen: i.amountFen,
    paidPrincipalFen: i.paidPrincipalFen,
    lateFeeFen: i.lateFeeFen,
    paidFeeFen: i.paidFeeFen,
    owedFen: i.state === "open" ? owedFen(i) : 0,
    status: instalmentStatus(i, today),
    daysOverdue: i.state === "open" ? daysOverdue(i, today) : 0,
  }));
  return { id: bill.id, planCode: bill.planCode, totalFen: bill.totalFen, status: bill.status, instalments: schedule };
}
