// The merchant API's view of a store's orders: what a shop's own back office needs, no consumer's personal data.
import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { inIds } from "@/db/dialect";
import { sql } from "drizzle-orm";
import { refundableFen } from "@/server/domain/order-state";
import { scopedOrder } from "@/server/services/orders/cancel-order";

type OrderRow = typeof orders.$inferSelect;

function orderView(order: OrderRow) {
  return {
    id: order.id,
    object: "order" as const,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    planCode: order.planCode,
    amountFen: order.totalFen,
    refundedFen: order.refundedFen,
    refundableFen: refundableFen(order),
    authorizedFen: order.authorizedFen,
    authorizationExpiresAt: order.status === "authorized" && order.authorizedUntil ? order.authorizedUntil.toISOString() : null,
    capturedAt: order.capturedAt?.toISOString() ?? null,
    currency: "CNY" as const,
    createdAt: order.createdAt.toISOString(),
  };
}

/** One of the store's orders with its items; another store's order is NOT_FOUND, as if it did not exist. */
export async function getApiOrder(db: Db, input: { storeId: number; orderId: number }) {
  const order = await scopedOrder(db, input.orderId, { storeId: input.storeId });
  const items = await db
    .select({ name: orderLines.productName, quantity: orderLines.quantity, unitPriceFen: orderLines.unitPriceFen })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  return { ...orderView(order), items };
}

/** Orders with their items: one read of the lines for all of them. */
async function withItems(db: Db, shown: readonly OrderRow[]) {
  const lines = shown.length
    ? await db
        .select({ orderId: orderLines.orderId, name: orderLines.productName, quantity: orderLines.quantity, unitPriceFen: orderLines.unitPriceFen })
        .from(orderLines)
        .where(
          inIds(
            sql`${orderLines.orderId}`,
            shown.map((o) => o.id),
          ),
        )
        .orderBy(asc(orderLines.id))
    : [];
  return shown.map((order) => ({
    ...orderView(order),
    items: lines.filter((l) => l.orderId === order.id).map(({ orderId: _, ...item }) => item),
  }));
}

/** The API view of these orders, by id, in two reads (for the credit jobs' webhook events; no store scope: the job owns them). */
export async function apiOrdersByIds(db: Db, orderIds: readonly number[]) {
  if (orderIds.length === 0) return new Map<number, Awaited<ReturnType<typeof withItems>>[number]>();
  const found = await db
    .select()
    .from(orders)
    .where(inIds(sql`${orders.id}`, orderIds));
  return new Map((await withItems(db, found)).map((o) => [o.id, o]));
}

/** The store's orders, newest first, keyset-paginated by id (`startingAfter` is the last id of the previous page). */
export async function listApiOrders(db: Db, input: { storeId: number; limit: number; startingAfter?: number }) {
  const page = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, input.storeId), input.startingAfter ? lt(orders.id, input.startingAfter) : undefined))
    .orderBy(desc(orders.id))
    .limit(input.limit + 1);
  const hasMore = page.length > input.limit;
  const shown = page.slice(0, input.limit);
  return {
    object: "list" as const,
    data: await withItems(db, shown),
    hasMore,
    nextStartingAfter: hasMore ? (shown.at(-1)?.id ?? null) : null,
  };
}
