import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate, instant } from "@/db/dialect";
import { rows } from "@/db/query";
import { addDays, localDate, startOfLocalDate } from "@/server/calendar";

export type WeekPoint = { weekStart: string; weekEnd: string; salesFen: number; collectedFen: number; overdueFen: number };

export const TREND_WEEKS = 12;

/**
 * Twelve weeks (the last ending today) of pay-later sales, collections and the amount overdue
 * at each week's end, for one store. Overdue at a past date is rebuilt from due dates and the
 * payments allocated before it, so it never depends on the credit jobs having run.
 */
export async function weeklyTrend(db: Db, opts: { storeId: number; now: Date }): Promise<WeekPoint[]> {
  const today = localDate(opts.now);
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => {
    const weekEnd = addDays(today, -7 * (TREND_WEEKS - 1 - i));
    const weekStart = addDays(weekEnd, -6);
    return { i, weekStart, weekEnd, startsAt: startOfLocalDate(weekStart), endsAt: startOfLocalDate(addDays(weekEnd, 1)) };
  });
  // Typed values (an integer literal, a date, two instants): PostgreSQL would read untyped VALUES parameters as text.
  const values = sql.join(
    weeks.map((w) => sql`(${sql.raw(String(w.i))}, ${calendarDate(w.weekEnd)}, ${instant(w.startsAt)}, ${instant(w.endsAt)})`),
    sql`, `,
  );
  const found = await rows<{ idx: number; sales: number; collected: number; overdue: number }>(
    db,
    sql`
    WITH weeks(idx, end_date, starts_at, ends_at) AS (VALUES ${values})
    SELECT w.idx AS idx,
      (SELECT COALESCE(SUM(o.total_fen), 0) FROM orders o
        WHERE o.store_id = ${opts.storeId} AND o.payment_method = 'pay_later' AND o.status <> 'cancelled'
          AND o.created_at >= w.starts_at AND o.created_at < w.ends_at) AS sales,
      (SELECT COALESCE(SUM(pa.principal_fen + pa.fee_fen), 0) FROM payment_allocations pa
        WHERE pa.store_id = ${opts.storeId} AND pa.created_at >= w.starts_at AND pa.created_at < w.ends_at) AS collected,
      (SELECT COALESCE(SUM(i.amount_fen + i.late_fee_fen - COALESCE((SELECT SUM(pa.principal_fen + pa.fee_fen)
            FROM payment_allocations pa WHERE pa.instalment_id = i.id AND pa.created_at < w.ends_at), 0)), 0)
        FROM instalments i
        WHERE i.store_id = ${opts.storeId} AND i.state <> 'void' AND i.overdue_on <= w.end_date
          AND (i.paid_on IS NULL OR i.paid_on > w.end_date)) AS overdue
    FROM weeks w ORDER BY w.idx`,
  );
  return found.map((r) => ({
    weekStart: weeks[r.idx]!.weekStart,
    weekEnd: weeks[r.idx]!.weekEnd,
    salesFen: r.sales,
    collectedFen: r.collected,
    overdueFen: r.overdue,
  }));
}
