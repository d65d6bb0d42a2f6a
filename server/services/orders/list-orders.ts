import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, stores } from "@/db/schema";
import { olderThan } from "@/server/sql/keyset";
import { cursorOrRefuse, decodeTimeCursor, encodeTimeCursor, keysetPage } from "@/server/domain/cursor";
import { isPartlyRefunded } from "@/server/domain/order-state";

/** The consumer's orders, newest first, a page at a time (keyset on placed time, then id). */
export async function listConsumerOrders(db: Db, input: { consumerId: number; cursor?: string | null; limit: number }) {
  const after = input.cursor ? cursorOrRefuse(decodeTimeCursor(input.cursor)) : null;
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
      refundedFen: orders.refundedFen,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(and(eq(orders.consumerId, input.consumerId), olderThan(orders.createdAt, orders.id, after)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(input.limit + 1);
  return keysetPage(
    rows.map((row) => ({ ...row, partlyRefunded: isPartlyRefunded(row) })),
    input.limit,
    (last) => encodeTimeCursor(last.createdAt, last.id),
  );
}
