import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, stores } from "@/db/schema";

/** A position in the list: the last row's time and id ("1764035000000.42"). */
export const ORDERS_CURSOR = /^\d{1,15}\.\d{1,12}$/;

/** The consumer's orders, newest first, a page at a time (keyset on placed time, then id). */
export async function listConsumerOrders(db: Db, input: { consumerId: number; cursor?: string | null; limit: number }) {
  const after = input.cursor ? input.cursor.split(".").map(Number) : null;
  const rows = await db
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
    .where(
      and(
        eq(orders.consumerId, input.consumerId),
        after ? or(lt(orders.createdAt, new Date(after[0]!)), and(eq(orders.createdAt, new Date(after[0]!)), lt(orders.id, after[1]!))) : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? `${last.createdAt.getTime()}.${last.id}` : null };
}
