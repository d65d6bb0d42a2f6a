import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { addDays, localDate } from "@/server/domain/dates";

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
export function receivablesSummary(db: Db, opts: { storeId: number | null; now: Date }): ReceivablesSummary {
  const today = localDate(opts.now);
  const in7 = addDays(today, 7);
  const storeFilter = opts.storeId === null ? sql`` : sql`AND store_id = ${opts.storeId}`;
  const days = sql`(CAST(julianday(${today}) - julianday(overdue_on) AS INTEGER) + 1)`;
  const row = db.get<DayRow>(sql`
    SELECT
      SUM(CASE WHEN overdue_on > ${today} THEN owed_fen END) AS outstanding,
      SUM(CASE WHEN overdue_on > ${today} AND due_date <= ${in7} THEN owed_fen END) AS due7,
      SUM(CASE WHEN overdue_on <= ${today} THEN owed_fen END) AS overdue,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 1 AND 30 THEN owed_fen END) AS a1,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 31 AND 60 THEN owed_fen END) AS a2,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 61 AND 90 THEN owed_fen END) AS a3,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} >= 91 THEN owed_fen END) AS a4,
      -- Come due: every non-void instalment past its due date, and those paid ahead of it.
      SUM(CASE WHEN due_date < ${today} THEN non_void_count ELSE paid_count END) AS due,
      SUM(paid_on_time_count) AS on_time
    FROM receivable_days
    WHERE 1 = 1 ${storeFilter}`)!;

  // Distinct bills and customers: open instalments only, grouped in index order (partial covering
  // indexes, so no temporary B-tree). Indexes named explicitly: without statistics SQLite would
  // pick the non-covering (state, overdue_on) one.
  const billCounts = db.get<{ outstanding_bills: number; overdue_bills: number }>(sql`
    SELECT COALESCE(SUM(hi > ${today}), 0) AS outstanding_bills, COALESCE(SUM(lo <= ${today}), 0) AS overdue_bills
    FROM (SELECT MIN(overdue_on) AS lo, MAX(overdue_on) AS hi FROM instalments INDEXED BY instalments_open_store_bill_idx
          WHERE state = 'open' ${storeFilter} GROUP BY store_id, bill_id)`)!;
  const customers = opts.storeId === null ? sql`instalments INDEXED BY instalments_open_consumer_idx` : sql`instalments INDEXED BY instalments_open_store_consumer_idx`;
  const overdueCustomers = db.get<{ n: number }>(sql`
    SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${customers} WHERE state = 'open' ${storeFilter}
      GROUP BY consumer_id HAVING MIN(overdue_on) <= ${today})`)!.n;

  const since = opts.now.getTime() - 30 * 86_400_000;
  const allocations = opts.storeId === null
    ? sql`payment_allocations INDEXED BY payment_allocations_created_amounts_idx`
    : sql`payment_allocations INDEXED BY payment_allocations_store_created_amounts_idx`;
  const collected = db.get<{ total: number | null }>(sql`
    SELECT SUM(principal_fen + fee_fen) AS total FROM ${allocations}
    WHERE created_at >= ${since} ${storeFilter}`)!;

  const outstandingFen = row.outstanding ?? 0;
  const overdueFen = row.overdue ?? 0;
  const due = row.due ?? 0;
  return {
    outstandingFen,
    outstandingBills: billCounts.outstanding_bills,
    dueIn7DaysFen: row.due7 ?? 0,
    overdueFen,
    overdueBills: billCounts.overdue_bills,
    overdueCustomers,
    collected30dFen: collected.total ?? 0,
    onTimeRate: due > 0 ? (row.on_time ?? 0) / due : null,
    overdueRate: outstandingFen + overdueFen > 0 ? overdueFen / (outstandingFen + overdueFen) : null,
    aging: { d1_30: row.a1 ?? 0, d31_60: row.a2 ?? 0, d61_90: row.a3 ?? 0, d91_plus: row.a4 ?? 0 },
  };
}
