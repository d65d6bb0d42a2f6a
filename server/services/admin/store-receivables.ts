import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate, indexedBy } from "@/db/dialect";
import { rows } from "@/db/query";
import { addDays, localDate } from "@/server/calendar";
import { overdueOnOrBeforeSql } from "@/server/sql/rules";

export type StoreReceivablesRow = {
  storeId: number;
  name: string;
  slug: string;
  ownerEmail: string;
  active: boolean;
  payLaterEnabled: boolean;
  payLaterForcedOff: boolean;
  outstandingFen: number;
  dueIn7DaysFen: number;
  overdueFen: number;
  overdueBills: number;
  payLaterOrders: number;
  payLaterVolumeFen: number;
  overdueRate: number | null;
};

type Row = {
  id: number;
  name: string;
  slug: string;
  owner_email: string;
  // 0/1 on SQLite, booleans on PostgreSQL.
  active: number | boolean;
  pay_later_enabled: number | boolean;
  pay_later_forced_off: number | boolean;
  outstanding: number | null;
  due7: number | null;
  overdue: number | null;
  overdue_bills: number | null;
  pay_later_orders: number | null;
  pay_later_volume: number | null;
};

/**
 * Every store with its receivables and pay-later volume: one statement, instalments and
 * orders each grouped by store once (not one query per store). Overdue derives from the clock.
 * Amounts come from receivable_days (a few hundred rows per store), bills from a partial covering index.
 */
export async function storeReceivables(db: Db, now: Date): Promise<StoreReceivablesRow[]> {
  const today = localDate(now);
  const in7 = addDays(today, 7);
  const overdue = overdueOnOrBeforeSql(null, today);
  const found = await rows<Row>(
    db,
    sql`
    SELECT s.id, s.name, s.slug, u.email AS owner_email, s.active, s.pay_later_enabled, s.pay_later_forced_off,
           r.outstanding, r.due7, r.overdue, ob.overdue_bills, v.pay_later_orders, v.pay_later_volume
    FROM stores s
    JOIN users u ON u.id = s.owner_user_id
    LEFT JOIN (
      SELECT store_id,
        SUM(CASE WHEN NOT (${overdue}) THEN owed_fen END) AS outstanding,
        SUM(CASE WHEN NOT (${overdue}) AND due_date <= ${calendarDate(in7)} THEN owed_fen END) AS due7,
        SUM(CASE WHEN ${overdue} THEN owed_fen END) AS overdue
      FROM receivable_days GROUP BY store_id
    ) r ON r.store_id = s.id
    LEFT JOIN (
      SELECT store_id, COUNT(*) AS overdue_bills FROM (
        SELECT store_id FROM ${indexedBy("instalments", "instalments_open_store_bill_idx")}
        WHERE state = 'open' GROUP BY store_id, bill_id HAVING MIN(overdue_on) <= ${calendarDate(today)}) overdue_bill
      GROUP BY store_id
    ) ob ON ob.store_id = s.id
    LEFT JOIN (
      SELECT store_id, COUNT(*) AS pay_later_orders, SUM(total_fen) AS pay_later_volume
      FROM ${indexedBy("orders", "orders_method_store_total_idx")} WHERE payment_method = 'pay_later' GROUP BY store_id
    ) v ON v.store_id = s.id
    ORDER BY s.name, s.id`,
  );
  return found.map((r) => {
    const outstandingFen = r.outstanding ?? 0;
    const overdueFen = r.overdue ?? 0;
    return {
      storeId: r.id,
      name: r.name,
      slug: r.slug,
      ownerEmail: r.owner_email,
      active: Boolean(r.active),
      payLaterEnabled: Boolean(r.pay_later_enabled),
      payLaterForcedOff: Boolean(r.pay_later_forced_off),
      outstandingFen,
      dueIn7DaysFen: r.due7 ?? 0,
      overdueFen,
      overdueBills: r.overdue_bills ?? 0,
      payLaterOrders: r.pay_later_orders ?? 0,
      payLaterVolumeFen: r.pay_later_volume ?? 0,
      overdueRate: outstandingFen + overdueFen > 0 ? overdueFen / (outstandingFen + overdueFen) : null,
    };
  });
}
