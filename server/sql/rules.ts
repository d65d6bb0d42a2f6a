// The domain's rules over instalments, spelled once in SQL for the services, the credit jobs and verify.
// Each mirrors a pure function of server/domain (named in its comment); tests/credit-jobs-sql.test.ts and
// tests/rules-sql.test.ts check that both agree. Engine differences come from db/dialect.ts.
import { sql, type SQL } from "drizzle-orm";
import { calendarDate, daysBetween, greatest, least } from "@/db/dialect";
import { AGING_BUCKETS, type AgingBucketKey } from "@/server/domain/instalments";
import { BPS } from "@/server/domain/money";
import { SCORE_MAX, SCORE_MIN } from "@/server/domain/policy";

/** A column of an instalments row (or of receivable_days, whose names match), qualified by `alias` if given. */
const column = (alias: string | null, name: string) => sql.raw(alias ? `${alias}.${name}` : name);

/** owedFen(inst): unpaid principal and unpaid late fee. */
export const owedSql = (alias: string | null = null) =>
  sql`(${column(alias, "amount_fen")} - ${column(alias, "paid_principal_fen")} + ${column(alias, "late_fee_fen")} - ${column(alias, "paid_fee_fen")})`;

/** unpaidPrincipalFen(inst). */
export const unpaidPrincipalSql = (alias: string | null = null) => sql`(${column(alias, "amount_fen")} - ${column(alias, "paid_principal_fen")})`;

/** Past due date + grace on `today` (instalmentStatus's "overdue" for an open row): overdue_on has come. */
export const overdueOnOrBeforeSql = (alias: string | null, today: string) => sql`${column(alias, "overdue_on")} <= ${calendarDate(today)}`;

/** An open instalment that is overdue on `today`. */
export const openOverdueSql = (alias: string | null, today: string) =>
  sql`${column(alias, "state")} = 'open' AND ${overdueOnOrBeforeSql(alias, today)}`;

/** daysOverdue(inst, today) for a row that is overdue: 1 on the first overdue day (the jobs' clock, and the overdue list's keyset order). */
export const daysOverdueSql = (alias: string | null, today: string) => sql`(${daysBetween(calendarDate(today), column(alias, "overdue_on"))} + 1)`;

/** instalmentStanding(inst, today).daysPastDue for a row past its due date: whole days since the due date. */
export const daysPastDueSql = (alias: string | null, today: string) => sql`${daysBetween(calendarDate(today), column(alias, "due_date"))}`;

/** agingBucket(days) = key, as a condition on a days-past-due expression. */
export function inAgingBucketSql(days: SQL, key: AgingBucketKey): SQL {
  const bucket = AGING_BUCKETS.find((b) => b.key === key)!;
  return Number.isFinite(bucket.max)
    ? sql`${days} BETWEEN ${sql.raw(String(bucket.min))} AND ${sql.raw(String(bucket.max))}`
    : sql`${days} >= ${sql.raw(String(bucket.min))}`;
}

/** lateFeeFor(amount, policy): the policy's fee, capped at a share (basis points) of the instalment. Integer division truncates, the floor for fen ≥ 0. */
export const lateFeeSql = (amountFen: SQL, feeFen: SQL, capBps: SQL) =>
  // The product is widened first: ¥8,590 × 2,500 bps is past a 32-bit integer on PostgreSQL.
  least(feeFen, sql`CAST((CAST(${amountFen} AS BIGINT) * ${capBps}) / ${sql.raw(String(BPS))} AS INTEGER)`);

/** clampScore(score) for whole scores. */
export const clampScoreSql = (score: SQL) => least(sql.raw(String(SCORE_MAX)), greatest(sql.raw(String(SCORE_MIN)), score));

/** A count of the rows where `condition` holds (SUM over a boolean is SQLite-only). */
export const countWhereSql = (condition: SQL) => sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
