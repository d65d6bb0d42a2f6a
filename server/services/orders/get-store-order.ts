import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { orderEvents, refunds, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { maskEmail, maskName } from "@/server/domain/mask";
import { scopedOrder } from "./cancel-order";
import { billWithSchedule, orderLineViews } from "./order-parts";

/** One of the store's orders with its lines, masked customer, bill, instalments and history. */
export async function getStoreOrder(db: Db, clock: Clock, input: { storeId: number; orderId: number }) {
  const today = localDate(clock.now());
  const order = await scopedOrder(db, input.orderId, { storeId: input.storeId });
  const customer = (await first(db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, order.consumerId))))!;
  const history = await db
    .select({
      id: orderEvents.id,
      type: orderEvents.type,
      amountFen: orderEvents.amountFen,
      note: orderEvents.note,
      createdAt: orderEvents.createdAt,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(asc(orderEvents.id));
  const refundRows = await db
    .select({ id: refunds.id, amountFen: refunds.amountFen, paidBackFen: refunds.paidBackFen, reason: refunds.reason, createdAt: refunds.createdAt })
    .from(refunds)
    .where(eq(refunds.orderId, order.id))
    .orderBy(asc(refunds.id));
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
    lines: await orderLineViews(db, order.id),
    bill: await billWithSchedule(db, order.id, today),
    history,
    refunds: refundRows,
  };
}
