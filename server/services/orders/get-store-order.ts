import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { orderEvents, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { maskEmail, maskName } from "@/server/domain/mask";
import { scopedOrder } from "./cancel-order";
import { billWithSchedule, orderLineViews, orderSummaryOf, refundsOf } from "./order-parts";

/** One of the store's orders with its lines, masked customer, where to ship, bill, instalments, history and refunds. */
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
  return {
    ...orderSummaryOf(order),
    // The account's name and email stay masked; where to ship (in the summary) is the store's own order, shown in full.
    customer: { name: maskName(customer.name), email: maskEmail(customer.email) },
    lines: await orderLineViews(db, order.id),
    bill: await billWithSchedule(db, order.id, today),
    history,
    refunds: await refundsOf(db, order.id),
  };
}
