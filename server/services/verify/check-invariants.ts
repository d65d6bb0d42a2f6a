// The money invariants (TigerBeetle-style "never created or lost"), checked over a whole database.
// Each check is one SQL pass; a violation names the rows it concerns.
// Written for both engines: PostgreSQL's strict GROUP BY, no output aliases in WHERE/HAVING, no SUM over a
// comparison, no `IS 'text'`; flags are compared as 0/1 (flagSql).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bool, toDate } from "@/db/dialect";
import { rows } from "@/db/query";
import { policyVersions } from "@/db/schema";
import { lateFeeFor } from "@/server/domain/instalments";
import { storedPolicyParams } from "@/server/domain/policy";
import { countWhereSql, owedSql, unpaidPrincipalSql } from "@/server/sql/rules";

export type Violation = { invariant: string; detail: string };

type Check = { invariant: string; query: SQL; describe: (row: Record<string, unknown>) => string };

/** 1 where `condition` holds, else 0 (also when it is NULL): a flag that compares the same on both engines. */
const flagSql = (condition: SQL) => sql`(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const RECEIVABLE_COUNTS = sql.raw("open_count, owed_fen, non_void_count, paid_count, paid_on_time_count");
const SOME_COUNT = sql.raw("open_count <> 0 OR owed_fen <> 0 OR non_void_count <> 0 OR paid_count <> 0 OR paid_on_time_count <> 0");

/** The idempotency key of an autopay_charges row `a`'s payment (charge-autopay.ts autopayKey). */
const AUTOPAY_KEY_SQL = sql.raw("('autopay:' || CAST(a.instalment_id AS TEXT) || ':' || CAST(a.attempt AS TEXT))");

const CHECKS: Check[] = [
  {
    invariant: "the receivable days equal a recomputation from the instalments",
    query: sql`WITH expected AS (
        SELECT store_id, due_date, overdue_on, ${RECEIVABLE_COUNTS} FROM (
          SELECT store_id, due_date, overdue_on,
            ${countWhereSql(sql`state = 'open'`)} AS open_count,
            SUM(CASE WHEN state = 'open' THEN ${owedSql()} ELSE 0 END) AS owed_fen,
            ${countWhereSql(sql`state <> 'void'`)} AS non_void_count,
            ${countWhereSql(sql`state = 'paid'`)} AS paid_count,
            ${countWhereSql(sql`state = 'paid' AND paid_on <= due_date`)} AS paid_on_time_count
          FROM instalments GROUP BY store_id, due_date, overdue_on) AS grouped
        WHERE ${SOME_COUNT}),
      actual AS (SELECT store_id, due_date, overdue_on, ${RECEIVABLE_COUNTS} FROM receivable_days WHERE ${SOME_COUNT})
      SELECT store_id, due_date, overdue_on FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) AS missing
      UNION SELECT store_id, due_date, overdue_on FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) AS extra
      LIMIT 100`,
    describe: (r) => `store ${r.store_id}, due ${r.due_date}, overdue from ${r.overdue_on}: receivable_days disagrees with the instalments`,
  },
  {
    invariant: "used credit equals the unpaid principal of open instalments plus the amounts authorized and not yet captured",
    query: sql`SELECT * FROM (SELECT p.user_id, p.used_credit_fen AS used,
        COALESCE((SELECT SUM(${unpaidPrincipalSql("i")}) FROM instalments i WHERE i.consumer_id = p.user_id AND i.state = 'open'), 0)
        + COALESCE((SELECT SUM(o.authorized_fen) FROM orders o WHERE o.consumer_id = p.user_id AND o.status = 'authorized'), 0) AS unpaid
      FROM credit_profiles p) AS c WHERE used <> unpaid`,
    describe: (r) => `consumer ${r.user_id}: used ${r.used} fen, unpaid principal and authorizations ${r.unpaid} fen`,
  },
  {
    invariant: "an authorized, voided or expired authorization has no bill and no instalments",
    query: sql`SELECT o.id, o.status FROM orders o
      WHERE o.authorized_fen IS NOT NULL AND o.captured_at IS NULL AND EXISTS (SELECT 1 FROM bills b WHERE b.order_id = o.id)`,
    describe: (r) => `order ${r.id} is ${r.status}, never captured, yet has a bill`,
  },
  {
    invariant: "an API order is captured for at most the amount authorized, and only an authorization is authorized or expired",
    query: sql`SELECT id, status, total_fen, authorized_fen FROM orders
      WHERE (authorized_fen IS NOT NULL AND (total_fen > authorized_fen OR total_fen < 1))
         OR (authorized_fen IS NULL AND status IN ('authorized', 'expired'))
         OR (status = 'authorized' AND captured_at IS NOT NULL)`,
    describe: (r) => `order ${r.id} (${r.status}): total ${r.total_fen} fen, authorized ${r.authorized_fen ?? "nothing"}`,
  },
  {
    invariant: "a bill's instalments add up to its order total less refunds",
    query: sql`SELECT b.id AS bill_id, o.total_fen - o.refunded_fen AS expected, SUM(i.amount_fen) AS actual
      FROM bills b JOIN orders o ON o.id = b.order_id JOIN instalments i ON i.bill_id = b.id
      WHERE b.status <> 'void' GROUP BY b.id, o.total_fen, o.refunded_fen HAVING SUM(i.amount_fen) <> o.total_fen - o.refunded_fen`,
    describe: (r) => `bill ${r.bill_id}: instalments ${r.actual} fen, order total less refunds ${r.expected} fen`,
  },
  {
    invariant: "nothing is paid beyond what was due",
    query: sql`SELECT id, amount_fen, paid_principal_fen, late_fee_fen, paid_fee_fen FROM instalments
      WHERE paid_principal_fen > amount_fen OR paid_fee_fen > late_fee_fen OR paid_principal_fen < 0 OR paid_fee_fen < 0 OR amount_fen < 0`,
    describe: (r) => `instalment ${r.id}: principal ${r.paid_principal_fen}/${r.amount_fen}, fee ${r.paid_fee_fen}/${r.late_fee_fen}`,
  },
  {
    invariant: "an instalment marked paid owes nothing, an open one owes something",
    query: sql`SELECT id, state FROM instalments
      WHERE (state = 'paid' AND ${owedSql()} <> 0)
         OR (state = 'open' AND ${owedSql()} <= 0)`,
    describe: (r) => `instalment ${r.id} is ${r.state} but its balance disagrees`,
  },
  {
    invariant: "every repayment is fully allocated",
    query: sql`SELECT p.id, p.amount_fen, COALESCE(SUM(a.principal_fen + a.fee_fen), 0) AS allocated
      FROM payments p LEFT JOIN payment_allocations a ON a.payment_id = p.id
      WHERE p.kind = 'repayment' GROUP BY p.id, p.amount_fen HAVING COALESCE(SUM(a.principal_fen + a.fee_fen), 0) <> p.amount_fen`,
    describe: (r) => `payment ${r.id}: ${r.amount_fen} fen paid, ${r.allocated} fen allocated`,
  },
  {
    invariant: "allocations match what the instalments record as paid",
    query: sql`SELECT i.id, i.paid_principal_fen, i.paid_fee_fen,
        COALESCE(SUM(a.principal_fen), 0) AS principal, COALESCE(SUM(a.fee_fen), 0) AS fee
      FROM instalments i LEFT JOIN payment_allocations a ON a.instalment_id = i.id
      WHERE i.state <> 'void'
      GROUP BY i.id, i.paid_principal_fen, i.paid_fee_fen
      HAVING COALESCE(SUM(a.principal_fen), 0) < i.paid_principal_fen OR COALESCE(SUM(a.fee_fen), 0) <> i.paid_fee_fen`,
    describe: (r) => `instalment ${r.id}: records ${r.paid_principal_fen}+${r.paid_fee_fen} fen paid, allocations ${r.principal}+${r.fee}`,
  },
  {
    invariant: "each score effect is applied at most once",
    query: sql`SELECT effect_key, COUNT(*) AS n FROM credit_events WHERE effect_key IS NOT NULL GROUP BY effect_key HAVING COUNT(*) > 1`,
    describe: (r) => `${r.effect_key} applied ${r.n} times`,
  },
  {
    invariant: "a consumer's score is the result of their credit events",
    query: sql`SELECT p.user_id, p.score, e.score_after FROM credit_profiles p
      JOIN credit_events e ON e.id = (SELECT MAX(id) FROM credit_events WHERE user_id = p.user_id)
      WHERE e.score_after <> p.score`,
    describe: (r) => `consumer ${r.user_id}: score ${r.score}, last event says ${r.score_after}`,
  },
  {
    invariant: "scores stay within 350–950",
    query: sql`SELECT user_id, score FROM credit_profiles WHERE score < 350 OR score > 950`,
    describe: (r) => `consumer ${r.user_id}: score ${r.score}`,
  },
  {
    invariant: "stock is never negative",
    query: sql`SELECT id, stock FROM products WHERE stock < 0`,
    describe: (r) => `product ${r.id}: stock ${r.stock}`,
  },
  {
    invariant: "a late fee is charged only on an instalment that went overdue",
    query: sql`SELECT id, late_fee_fen FROM instalments WHERE late_fee_fen > 0 AND overdue_marked_at IS NULL`,
    describe: (r) => `instalment ${r.id}: fee ${r.late_fee_fen} fen without an overdue mark`,
  },
  {
    invariant: "every new policy version has its audit row",
    query: sql`SELECT v.version FROM policy_versions v
      WHERE v.version > 1 AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'policy' AND a.entity_id = CAST(v.version AS TEXT))`,
    describe: (r) => `policy version ${r.version} has no audit row`,
  },
  // Every admin mutation leaves an audit row in its own transaction; what it changed must match the log.
  {
    invariant: "every admin score adjustment has its audit row",
    query: sql`SELECT * FROM (SELECT e.user_id, e.actor_user_id, e.created_at, COUNT(*) AS events,
        (SELECT COUNT(*) FROM audit_log a WHERE a.action = 'consumer.adjust_score' AND a.entity_type = 'consumer'
          AND a.entity_id = CAST(e.user_id AS TEXT) AND a.actor_user_id = e.actor_user_id AND a.created_at = e.created_at) AS audited
      FROM credit_events e WHERE e.reason = 'admin_adjustment'
      GROUP BY e.user_id, e.actor_user_id, e.created_at) AS adjustments WHERE audited < events`,
    describe: (r) =>
      `consumer ${r.user_id}: ${r.events} score adjustment(s) by user ${r.actor_user_id} at ${toDate(r.created_at).getTime()}, ${r.audited} audit row(s)`,
  },
  {
    invariant: "an admin suspension matches the audit log",
    query: sql`SELECT p.user_id, p.suspended_reason, last.action FROM credit_profiles p
      LEFT JOIN audit_log last ON last.id = (SELECT MAX(a.id) FROM audit_log a WHERE a.entity_type = 'consumer'
        AND a.entity_id = CAST(p.user_id AS TEXT) AND a.action IN ('consumer.suspend', 'consumer.reinstate'))
      WHERE ${flagSql(sql`p.suspended_reason = 'admin'`)} <> ${flagSql(sql`last.action = 'consumer.suspend'`)}`,
    describe: (r) => `consumer ${r.user_id}: suspended by ${r.suspended_reason ?? "nobody"}, last audited ${r.action ?? "nothing"}`,
  },
  {
    invariant: "a store's active and forced-off flags match the audit log",
    query: sql`SELECT * FROM (SELECT s.id, ${flagSql(sql`s.active = ${bool(true)}`)} AS active, ${flagSql(sql`s.pay_later_forced_off = ${bool(true)}`)} AS pay_later_forced_off,
        (SELECT a.action FROM audit_log a WHERE a.entity_type = 'store' AND a.entity_id = CAST(s.id AS TEXT)
          AND a.action IN ('store.activate', 'store.deactivate') ORDER BY a.id DESC LIMIT 1) AS active_action,
        (SELECT a.action FROM audit_log a WHERE a.entity_type = 'store' AND a.entity_id = CAST(s.id AS TEXT)
          AND a.action IN ('store.force_pay_later_off', 'store.lift_pay_later_off') ORDER BY a.id DESC LIMIT 1) AS forced_action
      FROM stores s) AS flags
      WHERE (1 - active) <> ${flagSql(sql`active_action = 'store.deactivate'`)} OR pay_later_forced_off <> ${flagSql(sql`forced_action = 'store.force_pay_later_off'`)}`,
    describe: (r) =>
      `store ${r.id}: active ${r.active} (last audited ${r.active_action ?? "nothing"}), forced off ${r.pay_later_forced_off} (last audited ${r.forced_action ?? "nothing"})`,
  },
  {
    invariant: "admin actions are audited as done by an admin",
    query: sql`SELECT a.id, a.action, a.actor_role FROM audit_log a
      WHERE (a.action LIKE 'consumer.%' OR a.action LIKE 'policy.%' OR a.action IN
        ('store.activate', 'store.deactivate', 'store.force_pay_later_off', 'store.lift_pay_later_off'))
        AND a.actor_role <> 'admin'`,
    describe: (r) => `audit row ${r.id}: ${r.action} by a ${r.actor_role}`,
  },
  // Autopay.
  {
    invariant: "an autopay charge matches exactly one payment",
    query: sql`SELECT a.id, a.status, a.payment_id FROM autopay_charges a LEFT JOIN payments p ON p.id = a.payment_id
      WHERE (a.status = 'charged' AND (p.id IS NULL OR p.consumer_id <> a.consumer_id OR p.bill_id <> a.bill_id OR p.amount_fen <> a.amount_fen
          OR p.idempotency_key <> ${AUTOPAY_KEY_SQL}))
        OR (a.status <> 'charged' AND a.payment_id IS NOT NULL)`,
    describe: (r) => `autopay charge ${r.id} (${r.status}): payment ${r.payment_id ?? "none"} does not match it`,
  },
  {
    invariant: "an autopay payment belongs to one autopay charge",
    // A claim still pending may have made its payment already: the next run writes it back.
    query: sql`SELECT p.id FROM payments p WHERE p.idempotency_key LIKE 'autopay:%' AND NOT EXISTS (
        SELECT 1 FROM autopay_charges a WHERE a.consumer_id = p.consumer_id AND p.idempotency_key = ${AUTOPAY_KEY_SQL}
          AND (a.payment_id = p.id OR a.status = 'pending'))`,
    describe: (r) => `payment ${r.id} was made by autopay, yet no autopay charge records it`,
  },
  {
    invariant: "autopay charges an instalment at most once",
    query: sql`SELECT instalment_id, COUNT(*) AS charges FROM autopay_charges WHERE status = 'charged' GROUP BY instalment_id HAVING COUNT(*) > 1`,
    describe: (r) => `instalment ${r.instalment_id}: charged by autopay ${r.charges} times`,
  },
  // Due-date extensions.
  {
    invariant: "an extension happened at most once per order",
    query: sql`SELECT order_id, COUNT(*) AS moves FROM (
        SELECT order_id FROM due_date_extensions
        UNION ALL SELECT order_id FROM order_events WHERE type = 'due_date_extended'
        UNION ALL SELECT order_id FROM credit_events WHERE reason = 'due_date_extended') AS moves
      GROUP BY order_id HAVING COUNT(*) > 3`,
    describe: (r) => `order ${r.order_id}: ${r.moves} records of due-date moves (one of each kind at most)`,
  },
  {
    invariant: "an extension is recorded in the order's history and on the credit report, and moved its instalment",
    query: sql`SELECT e.order_id FROM due_date_extensions e JOIN instalments i ON i.id = e.instalment_id
      WHERE i.bill_id <> e.bill_id OR (i.state = 'open' AND i.due_date <> e.to_date)
        OR NOT EXISTS (SELECT 1 FROM order_events o WHERE o.order_id = e.order_id AND o.type = 'due_date_extended')
        OR NOT EXISTS (SELECT 1 FROM credit_events c WHERE c.order_id = e.order_id AND c.reason = 'due_date_extended' AND c.delta = 0)`,
    describe: (r) => `order ${r.order_id}: its extension does not match the instalment, history or credit report`,
  },
];

export async function checkInvariants(db: Db): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const check of CHECKS)
    for (const row of await rows<Record<string, unknown>>(db, check.query))
      violations.push({ invariant: check.invariant, detail: check.describe(row) });

  // Late fees within their cap, under the policy version of each bill.
  const policies = new Map(
    (await db.select({ version: policyVersions.version, params: policyVersions.params }).from(policyVersions)).map((p) => [
      p.version,
      storedPolicyParams(p.params),
    ]),
  );
  const charged = await rows<{ id: number; amount_fen: number; late_fee_fen: number; policy_version: number }>(
    db,
    sql`
    SELECT i.id, i.amount_fen, i.late_fee_fen, b.policy_version FROM instalments i JOIN bills b ON b.id = i.bill_id WHERE i.late_fee_fen > 0`,
  );
  for (const row of charged) {
    const policy = policies.get(row.policy_version);
    if (policy && row.late_fee_fen > lateFeeFor(row.amount_fen, policy))
      violations.push({ invariant: "each late fee is within its cap", detail: `instalment ${row.id}: fee ${row.late_fee_fen} fen above its cap` });
  }
  return violations;
}
