import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate, indexedBy } from "@/db/dialect";
import { row, rows } from "@/db/query";
import { cursorOrRefuse, decodeCursor, encodeCursor, keysetPage } from "@/server/domain/cursor";
import { addDays, localDate } from "@/server/calendar";
import { maskEmail, maskName } from "@/server/domain/mask";
import { daysOverdueSql, daysPastDueSql, openOverdueSql, owedSql } from "@/server/sql/rules";

export type OverdueSort = "days" | "amount";

type Row = {
  id: number;
  days: number;
  past_due: number;
  owed: number;
  late_fee_fen: number;
  due_date: string;
  order_id: number;
  number: string;
  name: string;
  email: string;
};

type OverdueListInput = { storeId: number; now: Date; sort: OverdueSort; dir: "asc" | "desc"; cursor?: string | null; limit: number };

/**
 * One page of the list's instalment ids with their days and owed amounts, before the joins. By days the order is
 * overdue_on (days overdue fall as overdue_on rises) and then id, walked in the partial index's own order in
 * either direction, so every page is a seek that reads only its own rows (no sort of a day's instalments). Ties
 * on days list by id in the walk's direction: ascending when most days come first.
 */
export function overduePageSql(input: OverdueListInput): { query: SQL; tieDir: SQL } {
  const today = localDate(input.now);
  // The query reads one table, unaliased (SQLite takes no alias after INDEXED BY).
  const days = daysOverdueSql(null, today);
  const owed = owedSql();
  const after = input.cursor ? cursorOrRefuse(decodeCursor(input.cursor)) : null;
  if (input.sort === "days") {
    const walk = input.dir === "desc" ? sql`ASC` : sql`DESC`;
    const seek = after
      ? sql`AND (overdue_on, id) ${input.dir === "desc" ? sql`>` : sql`<`} (${calendarDate(addDays(today, -(after.key - 1)))}, ${after.id})`
      : sql``;
    const query = sql`
      SELECT id, ${days} AS days, ${owed} AS owed FROM ${indexedBy("instalments", "instalments_open_store_overdue_on_idx")}
      WHERE store_id = ${input.storeId} AND ${openOverdueSql(null, today)} ${seek}
      ORDER BY overdue_on ${walk}, id ${walk}
      LIMIT ${input.limit + 1}`;
    return { query, tieDir: walk };
  }
  const dir = input.dir === "desc" ? sql`DESC` : sql`ASC`;
  const query = sql`
      SELECT id, ${days} AS days, ${owed} AS owed FROM instalments
      WHERE store_id = ${input.storeId} AND ${openOverdueSql(null, today)}
        ${after ? sql`AND (${owed}, id) ${input.dir === "desc" ? sql`<` : sql`>`} (${after.key}, ${after.id})` : sql``}
      ORDER BY ${owed} ${dir}, id ${dir}
      LIMIT ${input.limit + 1}`;
  return { query, tieDir: dir };
}

/** The store's overdue instalments, sortable by days overdue or amount, keyset-paginated. */
export async function listOverdue(db: Db, input: OverdueListInput) {
  const today = localDate(input.now);
  const dir = input.dir === "desc" ? sql`DESC` : sql`ASC`;
  const { query: inner, tieDir } = overduePageSql(input);
  const found = await rows<Row>(
    db,
    sql`
    SELECT p.id, p.days, ${daysPastDueSql("i", today)} AS past_due, p.owed, i.late_fee_fen, i.due_date, o.id AS order_id, o.number, u.name, u.email
    FROM (${inner}) p
    JOIN instalments i ON i.id = p.id
    JOIN bills b ON b.id = i.bill_id
    JOIN orders o ON o.id = b.order_id
    JOIN users u ON u.id = i.consumer_id
    ORDER BY ${input.sort === "amount" ? sql`p.owed` : sql`p.days`} ${dir}, p.id ${tieDir}`,
  );
  const { items, nextCursor } = keysetPage(found, input.limit, (last) => encodeCursor(input.sort === "amount" ? last.owed : last.days, last.id));
  const page = items.map((r) => ({
    instalmentId: r.id,
    orderId: r.order_id,
    orderNumber: r.number,
    customer: { name: maskName(r.name), email: maskEmail(r.email) },
    dueDate: r.due_date,
    // Shown: days past due from the due date. The page's order and cursor keep days since overdue_on (the index's order).
    daysPastDue: r.past_due,
    amountOverdueFen: r.owed,
    lateFeeFen: r.late_fee_fen,
  }));
  return { items: page, nextCursor };
}

/** Open instalments that went overdue in the last 7 days (including today). */
export async function newlyOverdue(db: Db, opts: { storeId: number; now: Date }) {
  const today = localDate(opts.now);
  return (await row<{ count: number; amountFen: number }>(
    db,
    sql`
    SELECT COUNT(*) AS count, COALESCE(SUM(${owedSql()}), 0) AS "amountFen"
    FROM instalments
    WHERE store_id = ${opts.storeId} AND ${openOverdueSql(null, today)} AND overdue_on > ${calendarDate(addDays(today, -7))}`,
  ))!;
}
