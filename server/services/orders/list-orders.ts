import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, stores } from "@/db/schema";

/** The consumer's orders, newest first, a page at a time (keyset on id). */
export function listConsumerOrders(db: Db, input: { consumerId: number; cursor?: number | null; limit: number }) {
  const rows = db
    .select({
      id: orders.id,
      number: orders.number,
      storeName: stores.name,
      createdAt: orders.createdAt,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      planCode: orders.planCode,
      totalFen: orders.totalFen,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(and(eq(orders.consumerId, input.consumerId), input.cursor ? lt(orders.id, input.cursor) : undefined))
    .orderBy(desc(orders.id))
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
}
