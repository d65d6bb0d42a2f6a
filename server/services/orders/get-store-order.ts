import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, instalments, orderEvents, orderLines, refunds, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/domain/dates";
import { daysOverdue, instalmentStatus, owedFen } from "@/server/domain/instalments";
import { maskEmail, maskName } from "@/server/domain/mask";
import { scopedOrder } from "./cancel-order";

/** One of the store's orders with its lines, masked customer, bill, instalments and history. */
export function getStoreOrder(db: Db, clock: Clock, input: { storeId: number; orderId: number }) {
  const today = localDate(clock.now());
  const order = scopedOrder(db, input.orderId, { storeId: input.storeId });
  const customer = db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, order.consumerId)).get()!;
  const lines = db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.id)).all();
  const bill = db.select().from(bills).where(eq(bills.orderId, order.id)).get() ?? null;
  const schedule = bill
    ? db.select().from(instalments).where(eq(instalments.billId, bill.id)).orderBy(asc(instalments.seq)).all().map((i) => ({
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
      }))
    : [];
  const history = db
    .select({ id: orderEvents.id, type: orderEvents.type, amountFen: orderEvents.amountFen, note: orderEvents.note, createdAt: orderEvents.createdAt })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(asc(orderEvents.id))
    .all();
  const refundRows = db
    .select({ id: refunds.id, amountFen: refunds.amountFen, paidBackFen: refunds.paidBackFen, reason: refunds.reason, createdAt: refunds.createdAt })
    .from(refunds)
    .where(eq(refunds.orderId, order.id))
    .orderBy(asc(refunds.id))
    .all();
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    planCode: order.planCode,
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
    refundableFen: order.status === "shipped" || order.status === "completed" || order.status === "refunded" ? order.totalFen - order.refundedFen : 0,
    createdAt: order.createdAt,
    customer: { name: maskName(customer.name), email: maskEmail(customer.email) },
    lines: lines.map((l) => ({ id: l.id, productName: l.productName, unitPriceFen: l.unitPriceFen, quantity: l.quantity, totalFen: l.unitPriceFen * l.quantity })),
    bill: bill ? { id: bill.id, planCode: bill.planCode, totalFen: bill.totalFen, status: bill.status, instalments: schedule } : null,
    history,
    refunds: refundRows,
  };
}
