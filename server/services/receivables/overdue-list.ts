import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { decodeCursor, encodeCursor } from "@/server/domain/cursor";
import { addDays, localDate } from "@/server/domain/dates";
import { maskEmail, maskName } from "@/server/domain/mask";

export type OverdueSort = "days" | "amount";

type Row = {
  id: number;
  days: number;
  owed: number;
  late_fee_fen: number;
  due_date: string;
  order_id: number;
  number: string;
  name: string;
  email: string;
};

/** The store's overdue instalments, sortable by days overdue or amount, keyset-paginated. */
export function listOverdue(
  db: Db,
  input: { storeId: number; now: Date; sort: OverdueSort; dir: "asc" | "desc"; cursor?: string | null; limit: number },
) {
  const today = localDate(input.now);
  const days = sql`(CAST(julianday(${today}) - julianday(i.overdue_on) AS INTEGER) + 1)`;
  const owed = sql`(i.amount_fen - i.paid_principal_fen + i.late_fee_fen - i.paid_fee_fen)`;
  const key = input.sort === "amount" ? owed : days;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const cmp = input.dir === "desc" ? sql`<` : sql`>`;
  const dir = input.dir === "desc" ? sql`DESC` : sql`ASC`;
  // Page over the instalments alone, then join the page's rows. By days the order is overdue_on
  // (days overdue fall as overdue_on rises), so the partial index serves a seek for every page.
  let inner;
  if (input.sort === "days") {
    const desc = input.dir === "desc";
    const afterOn = after ? addDays(today, -(after.key - 1)) : null;
    const seek = after
      ? desc
        ? sql`AND (i.overdue_on > ${afterOn} OR (i.overdue_on = ${afterOn} AND i.id < ${after.id}))`
        : sql`AND (i.overdue_on < ${afterOn} OR (i.overdue_on = ${afterOn} AND i.id > ${after.id}))`
      : sql``;
    inner = sql`
      SELECT i.id, ${days} AS days, ${owed} AS owed FROM instalments i INDEXED BY instalments_open_store_overdue_on_idx
      WHERE i.store_id = ${input.storeId} AND i.state = 'open' AND i.overdue_on <= ${today} ${seek}
      ORDER BY i.overdue_on ${desc ? sql`ASC` : sql`DESC`}, i.id ${dir}
      LIMIT ${input.limit + 1}`;
  } else {
    inner = sql`
      SELECT i.id, ${days} AS days, ${owed} AS owed FROM instalments i
      WHERE i.store_id = ${input.storeId} AND i.state = 'open' AND i.overdue_on <= ${today}
        ${after ? sql`AND (${key}, i.id) ${cmp} (${after.key}, ${after.id})` : sql``}
      ORDER BY ${key} ${dir}, i.id ${dir}
      LIMIT ${input.limit + 1}`;
  }
  const rows = db.all<Row>(sql`
    SELECT p.id, p.days, p.owed, i.late_fee_fen, i.due_date, o.id AS order_id, o.number, u.name, u.email
    FROM (${inner}) p
    JOIN instalments i ON i.id = p.id
    JOIN bills b ON b.id = i.bill_id
    JOIN orders o ON o.id = b.order_id
    JOIN users u ON u.id = i.consumer_id
    ORDER BY ${input.sort === "amount" ? sql`p.owed` : sql`p.days`} ${dir}, p.id ${dir}`);
  const page = rows.slice(0, input.limit).map((r) => ({
    instalmentId: r.id,
    orderId: r.order_id,
    orderNumber: r.number,
    customer: { name: maskName(r.name), email: maskEmail(r.email) },
    dueDate: r.due_date,
    daysOverdue: r.days,
    amountOverdueFen: r.owed,
    lateFeeFen: r.late_fee_fen,
  }));
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor(input.sort === "amount" ? last.amountOverdueFen : last.daysOverdue, last.instalmentId) : null;
  return { items: page, nextCursor };
}

/** Open instalments that went overdue in the last 7 days (including today). */
export function newlyOverdue(db: Db, opts: { storeId: number; now: Date }) {
  const today = localDate(opts.now);
  return db.get<{ count: number; amountFen: number }>(sql`
    SELECT COUNT(*) AS count, COALESCE(SUM(amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen), 0) AS amountFen
    FROM instalments
    WHERE store_id = ${opts.storeId} AND state = 'open'
      AND overdue_on <= ${today} AND overdue_on > date(${today}, '-7 days')`)!;
}
