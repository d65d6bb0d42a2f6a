import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { stores } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { scopedOrder, type OrderScope } from "./cancel-order";
import { billWithSchedule, orderLineViews, orderSummaryOf, refundsOf } from "./order-parts";

/** One order with its lines and, for pay later, its bill's schedule with each instalment's status today. */
export async function getOrder(db: Db, clock: Clock, input: { orderId: number; scope: OrderScope }) {
  const today = localDate(clock.now());
  const order = await scopedOrder(db, input.orderId, input.scope);
  const store = (await first(db.select({ name: stores.name, slug: stores.slug }).from(stores).where(eq(stores.id, order.storeId))))!;
  return {
    ...orderSummaryOf(order),
    store,
    lines: await orderLineViews(db, order.id),
    bill: await billWithSchedule(db, order.id, today),
    refunds: (await refundsOf(db, order.id)).map(({ id, amountFen, paidBackFen, createdAt }) => ({ id, amountFen, paidBackFen, createdAt })),
  };
}
