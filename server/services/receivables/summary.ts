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

type Row = {
  outstanding: number | null;
  outstanding_bills: number;
  due7: number | null;
  overdue: number | null;
  overdue_bills: number;
  overdue_customers: number;
  a1: number | null;
  a2: number | null;
  a3: number | null;
  a4: number | null;
};

/**
 * Receivables over open instalments, for one store or (storeId null) the whole platform.
 * Overdue is derived from the stored overdue date and today, never from whether the job ran.
 */
export function receivablesSummary(db: Db, opts: { storeId: number | null; now: Date }): ReceivablesSummary {
  const today = localDate(opts.now);
  const in7 = addDays(today, 7);
  const storeFilter = opts.storeId === null ? sql`` : sql`AND store_id = ${opts.storeId}`;
  const owed = sql`(amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen)`;
  const days = sql`(CAST(julianday(${today}) - julianday(overdue_on) AS INTEGER) + 1)`;
  const row = db.get<Row>(sql`
    SELECT
      SUM(CASE WHEN overdue_on > ${today} THEN ${owed} END) AS outstanding,
      COUNT(DISTINCT CASE WHEN overdue_on > ${today} THEN bill_id END) AS outstanding_bills,
      SUM(CASE WHEN overdue_on > ${today} AND due_date <= ${in7} THEN ${owed} END) AS due7,
      SUM(CASE WHEN overdue_on <= ${today} THEN ${owed} END) AS overdue,
      COUNT(DISTINCT CASE WHEN overdue_on <= ${today} THEN bill_id END) AS overdue_bills,
      COUNT(DISTINCT CASE WHEN overdue_on <= ${today} THEN consumer_id END) AS overdue_customers,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 1 AND 30 THEN ${owed} END) AS a1,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 31 AND 60 THEN ${owed} END) AS a2,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 61 AND 90 THEN ${owed} END) AS a3,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} >= 91 THEN ${owed} END) AS a4
    FROM instalments
    WHERE state = 'open' ${storeFilter}`)!;

  const since = opts.now.getTime() - 30 * 86_400_000;
  const collected = db.get<{ total: number | null }>(sql`
    SELECT SUM(principal_fen + fee_fen) AS total FROM payment_allocations
    WHERE created_at >= ${since} ${storeFilter}`)!;

  // On time: of the instalments that have come due (paid, or past their due date), the share paid by the due date.
  const timeliness = db.get<{ due: number; on_time: number }>(sql`
    SELECT COUNT(*) AS due, COALESCE(SUM(CASE WHEN state = 'paid' AND paid_on <= due_date THEN 1 ELSE 0 END), 0) AS on_time
    FROM instalments
    WHERE state <> 'void' AND (state = 'paid' OR due_date < ${today}) ${storeFilter}`)!;

  const outstandingFen = row.outstanding ?? 0;
  const overdueFen = row.overdue ?? 0;
  return {
    outstandingFen,
    outstandingBills: row.outstanding_bills,
    dueIn7DaysFen: row.due7 ?? 0,
    overdueFen,
    overdueBills: row.overdue_bills,
    overdueCustomers: row.overdue_customers,
    collected30dFen: collected.total ?? 0,
    onTimeRate: timeliness.due > 0 ? timeliness.on_time / timeliness.due : null,
    overdueRate: outstandingFen + overdueFen > 0 ? overdueFen / (outstandingFen + overdueFen) : null,
    aging: { d1_30: row.a1 ?? 0, d31_60: row.a2 ?? 0, d61_90: row.a3 ?? 0, d91_plus: row.a4 ?? 0 },
  };
}
