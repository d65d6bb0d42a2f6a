import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instant } from "@/db/dialect";
import { orders, users, type OrderStatus, type PaymentMethod } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { cursorOrRefuse, decodeCursor, decodeTimeCursor, encodeCursor, encodeTimeCursor, keysetPage } from "@/server/domain/cursor";
import { addDays, localDate, startOfLocalDate } from "@/server/calendar";
import { maskEmail, maskName } from "@/server/domain/mask";
import { overdueOnOrBeforeSql } from "@/server/sql/rules";

export type OrderSort = "date" | "total";

export type ListStoreOrdersInput = {
  storeId: number;
  status?: OrderStatus;
  paymentMethod?: PaymentMethod;
  from?: string;
  to?: string;
  overdueOnly?: boolean;
  q?: string;
  sort: OrderSort;
  dir: "asc" | "desc";
  cursor?: string | null;
  limit: number;
};

/** Whether the order's bill has an open instalment past its due date plus grace today. */
export function overdueExists(today: string): SQL<number> {
  return sql<number>`EXISTS (SELECT 1 FROM bills b JOIN instalments i ON i.bill_id = b.id
    WHERE b.order_id = ${orders.id} AND i.state = 'open' AND ${overdueOnOrBeforeSql("i", today)})`;
}

/** A store's orders, filtered, searched, sorted by date or total and keyset-paginated. */
export async function listStoreOrders(db: Db, clock: Clock, input: ListStoreOrdersInput) {
  const today = localDate(clock.now());
  const sortColumn = input.sort === "total" ? orders.totalFen : orders.createdAt;
  const sortKey = input.sort === "total" ? sql<number>`${orders.totalFen}` : sql<number>`${orders.createdAt}`;
  const filters: (SQL | undefined)[] = [eq(orders.storeId, input.storeId)];
  if (input.status) filters.push(eq(orders.status, input.status));
  if (input.paymentMethod) filters.push(eq(orders.paymentMethod, input.paymentMethod));
  if (input.from) filters.push(gte(orders.createdAt, startOfLocalDate(input.from)));
  if (input.to) filters.push(lt(orders.createdAt, startOfLocalDate(addDays(input.to, 1))));
  if (input.overdueOnly) filters.push(sql`${overdueExists(today)}`);
  const q = input.q?.trim();
  // Only what the merchant sees or already knows: the order number, or a customer's whole email. Matching parts of
  // the unmasked name or email would let prefix guesses recover what the masking hides.
  if (q) filters.push(q.includes("@") ? eq(users.email, q.toLowerCase()) : eq(orders.number, q.toUpperCase()));
  const after = input.cursor ? cursorOrRefuse(input.sort === "total" ? decodeCursor(input.cursor) : timeAsKey(decodeTimeCursor(input.cursor))) : null;
  if (after) {
    // A date cursor holds a time; the engine compares its own timestamp representation.
    const afterKey = after.key instanceof Date ? instant(after.key) : sql`${after.key}`;
    filters.push(
      input.dir === "desc"
        ? sql`(${sortKey}, ${orders.id}) < (${afterKey}, ${after.id})`
        : sql`(${sortKey}, ${orders.id}) > (${afterKey}, ${after.id})`,
    );
  }
  const order = input.dir === "desc" ? [desc(sortColumn), desc(orders.id)] : [asc(sortColumn), asc(orders.id)];
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      createdAt: orders.createdAt,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      totalFen: orders.totalFen,
      refundedFen: orders.refundedFen,
      customerName: users.name,
      customerEmail: users.email,
      overdue: overdueExists(today).mapWith(Boolean),
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.consumerId))
    .where(and(...filters))
    .orderBy(...order)
    .limit(input.limit + 1);
  const { items, nextCursor } = keysetPage(rows, input.limit, (last) =>
    input.sort === "total" ? encodeCursor(last.totalFen, last.id) : encodeTimeCursor(last.createdAt, last.id),
  );
  return {
    items: items.map(({ customerName, customerEmail, ...row }) => ({
      ...row,
      customer: { name: maskName(customerName), email: maskEmail(customerEmail) },
    })),
    nextCursor,
  };
}

const timeAsKey = (cursor: { at: Date; id: number } | null) => cursor && { key: cursor.at, id: cursor.id };
