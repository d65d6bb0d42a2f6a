// What the merchant was paid, day by day and order by order, and what is due to reach them next. The merchant is
// paid as consumers repay: every repayment allocated to the store's instalments is money collected for it.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate, instant, toDate } from "@/db/dialect";
import { rows } from "@/db/query";
import { addDays, localDate, startOfLocalDate } from "@/server/calendar";
import { decodeCursor, encodeCursor, invalidCursor, MAX_DATE_MS } from "@/server/domain/cursor";
import { maskName } from "@/server/domain/mask";
import { owedSql } from "@/server/sql/rules";

export const COLLECTION_DAYS = 14;
export const EXPECTED_DAYS = 30;

export type CollectionDay = { date: string; collectedFen: number; payments: number; orders: number };

/** Collected per local day over the last fourteen days (today last), from the covering index on (store, created_at). */
export async function collectionsByDay(db: Db, opts: { storeId: number; now: Date }): Promise<CollectionDay[]> {
  const today = localDate(opts.now);
  const days = Array.from({ length: COLLECTION_DAYS }, (_, i) => {
    const date = addDays(today, -(COLLECTION_DAYS - 1 - i));
    return { i, date, startsAt: startOfLocalDate(date), endsAt: startOfLocalDate(addDays(date, 1)) };
  });
  const values = sql.join(
    days.map((d) => sql`(${sql.raw(String(d.i))}, ${instant(d.startsAt)}, ${instant(d.endsAt)})`),
    sql`, `,
  );
  const found = await rows<{ idx: number; collected: number; payments: number; orders: number }>(
    db,
    sql`
    WITH days(idx, starts_at, ends_at) AS (VALUES ${values})
    SELECT d.idx AS idx,
      COALESCE(SUM(pa.principal_fen + pa.fee_fen), 0) AS collected,
      COUNT(DISTINCT pa.payment_id) AS payments,
      COUNT(DISTINCT i.bill_id) AS orders
    FROM days d
    LEFT JOIN payment_allocations pa ON pa.store_id = ${opts.storeId} AND pa.created_at >= d.starts_at AND pa.created_at < d.ends_at
    LEFT JOIN instalments i ON i.id = pa.instalment_id
    GROUP BY d.idx ORDER BY d.idx`,
  );
  return found.map((r) => ({ date: days[r.idx]!.date, collectedFen: Number(r.collected), payments: Number(r.payments), orders: Number(r.orders) }));
}

type EntryRow = {
  id: number;
  at: number | string | Date;
  seq: number;
  order_id: number;
  number: string;
  name: string;
  principal: number;
  fee: number;
};

/**
 * Each repayment that reached the store, newest first, with its order and instalment: keyset-paginated on
 * (time, allocation id), which is the order of the index on (store_id, created_at); optionally one local day only.
 */
export async function listCollections(db: Db, input: { storeId: number; day?: string | null; cursor?: string | null; limit: number }) {
  const after = input.cursor ? (decodeCursor(input.cursor, MAX_DATE_MS) ?? invalidCursor()) : null;
  const window = input.day
    ? sql`AND pa.created_at >= ${instant(startOfLocalDate(input.day))} AND pa.created_at < ${instant(startOfLocalDate(addDays(input.day, 1)))}`
    : sql``;
  const seek = after
    ? sql`AND (pa.created_at < ${instant(new Date(after.key))} OR (pa.created_at = ${instant(new Date(after.key))} AND pa.id < ${after.id}))`
    : sql``;
  const found = await rows<EntryRow>(
    db,
    sql`
    SELECT pa.id, pa.created_at AS at, i.seq, o.id AS order_id, o.number, u.name, pa.principal_fen AS principal, pa.fee_fen AS fee
    FROM payment_allocations pa
    JOIN instalments i ON i.id = pa.instalment_id
    JOIN bills b ON b.id = i.bill_id
    JOIN orders o ON o.id = b.order_id
    JOIN users u ON u.id = b.consumer_id
    WHERE pa.store_id = ${input.storeId} ${window} ${seek}
    ORDER BY pa.created_at DESC, pa.id DESC
    LIMIT ${input.limit + 1}`,
  );
  const page = found.slice(0, input.limit).map((r) => ({
    id: r.id,
    at: toDate(r.at),
    instalmentSeq: r.seq,
    orderId: r.order_id,
    orderNumber: r.number,
    customer: maskName(r.name),
    principalFen: Number(r.principal),
    feeFen: Number(r.fee),
  }));
  const last = page[page.length - 1];
  return { items: page, nextCursor: found.length > input.limit && last ? encodeCursor(last.at.getTime(), last.id) : null };
}

/** What is still to be collected, per due date, over the next thirty days (overdue amounts are on the receivables page). */
export async function expectedCollections(db: Db, opts: { storeId: number; now: Date }) {
  const today = localDate(opts.now);
  const found = await rows<{ due_date: string | Date; owed: number; instalments: number }>(
    db,
    sql`
    SELECT due_date, SUM(${owedSql()}) AS owed, COUNT(*) AS instalments
    FROM instalments
    WHERE store_id = ${opts.storeId} AND state = 'open' AND due_date >= ${calendarDate(today)} AND due_date <= ${calendarDate(addDays(today, EXPECTED_DAYS))}
    GROUP BY due_date ORDER BY due_date`,
  );
  return found.map((r) => ({ dueDate: toDay(r.due_date), owedFen: Number(r.owed), instalments: Number(r.instalments) }));
}

function toDay(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}
