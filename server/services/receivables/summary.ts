import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate, indexedBy, instant } from "@/db/dialect";
import { row } from "@/db/query";
import { addDays, localDate } from "@/server/calendar";
import type { AgingBucketKey } from "@/server/domain/instalments";
import { countWhereSql, daysPastDueSql, inAgingBucketSql, overdueOnOrBeforeSql } from "@/server/sql/rules";

export type ReceivablesSummary = {
  outstandingFen: number;
  outstandingBills: number;
  dueIn7DaysFen: number;
  overdueFen: number;
  overdueBills: number;
  overdueCustomers: number;
  collected30dFen: number;
  onTimeRate: number | null;
  overdueRate: number | null;
  aging: { d1_30: number; d31_60: number; d61_90: number; d91_plus: number };
};

type DayRow = {
  outstanding: number | null;
  due7: number | null;
  overdue: number | null;
  a1: number | null;
  a2: number | null;
  a3: number | null;
  a4: number | null;
  due: number | null;
  on_time: number | null;
};

/**
 * Receivables over open instalments, for one store or (storeId null) the whole platform.
 * Overdue is derived from the stored overdue date and today, never from whether the job ran.
 *
 * Amounts and the on-time rate come from `receivable_days` (one row per store, due date and overdue
 * date, kept by triggers in the same transaction as every instalment write), so the cost is a few
 * hundred rows per store whatever the number of instalments. Distinct bills and customers come
 * from partial covering indexes over open instalments only.
 */
export async function receivablesSummary(db: Db, opts: { storeId: number | null; now: Date }): Promise<ReceivablesSummary> {
  const today = localDate(opts.now);
  const in7 = addDays(today, 7);
  const storeFilter = opts.storeId === null ? sql`` : sql`AND store_id = ${opts.storeId}`;
  const overdue = overdueOnOrBeforeSql(null, today);
  // Aging by days past due, counted from the due date (instalmentStanding); what is overdue still waits out the grace.
  const days = daysPastDueSql(null, today);
  const aged = (key: AgingBucketKey) => sql`SUM(CASE WHEN ${overdue} AND ${inAgingBucketSql(days, key)} THEN owed_fen END)`;
  const totals = (await row<DayRow>(
    db,
    sql`
    SELECT
      SUM(CASE WHEN NOT (${overdue}) THEN owed_fen END) AS outstanding,
      SUM(CASE WHEN NOT (${overdue}) AND due_date <= ${calendarDate(in7)} THEN owed_fen END) AS due7,
      SUM(CASE WHEN ${overdue} THEN owed_fen END) AS overdue,
      ${aged("d1_30")} AS a1,
      ${aged("d31_60")} AS a2,
      ${aged("d61_90")} AS a3,
      ${aged("d91_plus")} AS a4,
      -- Come due: every non-void instalment past its due date, and those paid ahead of it.
      SUM(CASE WHEN due_date < ${calendarDate(today)} THEN non_void_count ELSE paid_count END) AS due,
      SUM(paid_on_time_count) AS on_time
    FROM receivable_days
    WHERE 1 = 1 ${storeFilter}`,
  ))!;

  // Distinct bills and customers: open instalments only, grouped in index order (partial covering
  // indexes, so no temporary B-tree). Indexes named explicitly: without statistics SQLite would
  // pick the non-covering (state, overdue_on) one.
  const billCounts = (await row<{ outstanding_bills: number; overdue_bills: number }>(
    db,
    sql`
    SELECT COALESCE(${countWhereSql(sql`hi > ${calendarDate(today)}`)}, 0) AS outstanding_bills,
           COALESCE(${countWhereSql(sql`lo <= ${calendarDate(today)}`)}, 0) AS overdue_bills
    FROM (SELECT MIN(overdue_on) AS lo, MAX(overdue_on) AS hi FROM ${indexedBy("instalments", "instalments_open_store_bill_idx")}
          WHERE state = 'open' ${storeFilter} GROUP BY store_id, bill_id) open_bill`,
  ))!;
  const customers =
    opts.storeId === null
      ? indexedBy("instalments", "instalments_open_consumer_idx")
      : indexedBy("instalments", "instalments_open_store_consumer_idx");
  const overdueCustomers = (await row<{ n: number }>(
    db,
    sql`
    SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${customers} WHERE state = 'open' ${storeFilter}
      GROUP BY consumer_id HAVING MIN(overdue_on) <= ${calendarDate(today)}) overdue_customer`,
  ))!.n;

  const since = new Date(opts.now.getTime() - 30 * 86_400_000);
  const allocations =
    opts.storeId === null
      ? indexedBy("payment_allocations", "payment_allocations_created_amounts_idx")
      : indexedBy("payment_allocations", "payment_allocations_store_created_amounts_idx");
  const collected = (await row<{ total: number | null }>(
    db,
    sql`
    SELECT SUM(principal_fen + fee_fen) AS total FROM ${allocations}
    WHERE created_at >= ${instant(since)} ${storeFilter}`,
  ))!;

  const outstandingFen = totals.outstanding ?? 0;
  const overdueFen = totals.overdue ?? 0;
  const due = totals.due ?? 0;
  return {
    outstandingFen,
    outstandingBills: billCounts.outstanding_bills,
    dueIn7DaysFen: totals.due7 ?? 0,
    overdueFen,
    overdueBills: billCounts.overdue_bills,
    overdueCustomers,
    collected30dFen: collected.total ?? 0,
    onTimeRate: due > 0 ? (totals.on_time ?? 0) / due : null,
    overdueRate: outstandingFen + overdueFen > 0 ? overdueFen / (outstandingFen + overdueFen) : null,
    aging: { d1_30: totals.a1 ?? 0, d31_60: totals.a2 ?? 0, d61_90: totals.a3 ?? 0, d91_plus: totals.a4 ?? 0 },
  };
}
