// The money invariants (TigerBeetle-style "never created or lost"), checked over a whole database.
// Each check is one SQL pass; a violation names the rows it concerns.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lateFeeFor } from "@/server/domain/instalments";
import { policyParamsSchema } from "@/server/domain/policy";

export type Violation = { invariant: string; detail: string };

type Check = { invariant: string; query: SQL; describe: (row: Record<string, unknown>) => string };

const CHECKS: Check[] = [
  {
    invariant: "the receivable days equal a recomputation from the instalments",
    query: sql`WITH expected AS (
        SELECT store_id, due_date, overdue_on,
          SUM(state = 'open') AS open_count,
          SUM(CASE WHEN state = 'open' THEN amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen ELSE 0 END) AS owed_fen,
          SUM(state <> 'void') AS non_void_count,
          SUM(state = 'paid') AS paid_count,
          SUM(state = 'paid' AND COALESCE(paid_on <= due_date, 0)) AS paid_on_time_count
        FROM instalments GROUP BY store_id, due_date, overdue_on
        HAVING open_count <> 0 OR owed_fen <> 0 OR non_void_count <> 0 OR paid_count <> 0 OR paid_on_time_count <> 0),
      actual AS (SELECT * FROM receivable_days
        WHERE open_count <> 0 OR owed_fen <> 0 OR non_void_count <> 0 OR paid_count <> 0 OR paid_on_time_count <> 0)
      SELECT store_id, due_date, overdue_on FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual)
      UNION SELECT store_id, due_date, overdue_on FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected)
      LIMIT 100`,
    describe: (r) => `store ${r.store_id}, due ${r.due_date}, overdue from ${r.overdue_on}: receivable_days disagrees with the instalments`,
  },
  {
    invariant: "used credit equals the unpaid principal of open instalments",
    query: sql`SELECT p.user_id, p.used_credit_fen AS used,
        COALESCE((SELECT SUM(i.amount_fen - i.paid_principal_fen) FROM instalments i WHERE i.consumer_id = p.user_id AND i.state = 'open'), 0) AS unpaid
      FROM credit_profiles p WHERE used <> unpaid`,
    describe: (r) => `consumer ${r.user_id}: used ${r.used} fen, unpaid principal ${r.unpaid} fen`,
  },
  {
    invariant: "a bill's instalments add up to its order total less refunds",
    query: sql`SELECT b.id AS bill_id, o.total_fen - o.refunded_fen AS expected, SUM(i.amount_fen) AS actual
      FROM bills b JOIN orders o ON o.id = b.order_id JOIN instalments i ON i.bill_id = b.id
      WHERE b.status <> 'void' GROUP BY b.id HAVING actual <> expected`,
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
      WHERE (state = 'paid' AND (amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen) <> 0)
         OR (state = 'open' AND (amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen) <= 0)`,
    describe: (r) => `instalment ${r.id} is ${r.state} but its balance disagrees`,
  },
  {
    invariant: "every repayment is fully allocated",
    query: sql`SELECT p.id, p.amount_fen, COALESCE(SUM(a.principal_fen + a.fee_fen), 0) AS allocated
      FROM payments p LEFT JOIN payment_allocations a ON a.payment_id = p.id
      WHERE p.kind = 'repayment' GROUP BY p.id HAVING allocated <> p.amount_fen`,
    describe: (r) => `payment ${r.id}: ${r.amount_fen} fen paid, ${r.allocated} fen allocated`,
  },
  {
    invariant: "allocations match what the instalments record as paid",
    query: sql`SELECT i.id, i.paid_principal_fen, i.paid_fee_fen,
        COALESCE(SUM(a.principal_fen), 0) AS principal, COALESCE(SUM(a.fee_fen), 0) AS fee
      FROM instalments i LEFT JOIN payment_allocations a ON a.instalment_id = i.id
      WHERE i.state <> 'void'
      GROUP BY i.id HAVING principal < i.paid_principal_fen OR fee <> i.paid_fee_fen`,
    describe: (r) => `instalment ${r.id}: records ${r.paid_principal_fen}+${r.paid_fee_fen} fen paid, allocations ${r.principal}+${r.fee}`,
  },
  {
    invariant: "each score effect is applied at most once",
    query: sql`SELECT effect_key, COUNT(*) AS n FROM credit_events WHERE effect_key IS NOT NULL GROUP BY effect_key HAVING n > 1`,
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
    query: sql`SELECT e.user_id, e.actor_user_id, e.created_at, COUNT(*) AS events,
        (SELECT COUNT(*) FROM audit_log a WHERE a.action = 'consumer.adjust_score' AND a.entity_type = 'consumer'
          AND a.entity_id = CAST(e.user_id AS TEXT) AND a.actor_user_id = e.actor_user_id AND a.created_at = e.created_at) AS audited
      FROM credit_events e WHERE e.reason = 'admin_adjustment'
      GROUP BY e.user_id, e.actor_user_id, e.created_at HAVING audited < events`,
    describe: (r) => `consumer ${r.user_id}: ${r.events} score adjustment(s) by user ${r.actor_user_id} at ${r.created_at}, ${r.audited} audit row(s)`,
  },
  {
    invariant: "an admin suspension matches the audit log",
    query: sql`SELECT p.user_id, p.suspended_reason, last.action FROM credit_profiles p
      LEFT JOIN audit_log last ON last.id = (SELECT MAX(a.id) FROM audit_log a WHERE a.entity_type = 'consumer'
        AND a.entity_id = CAST(p.user_id AS TEXT) AND a.action IN ('consumer.suspend', 'consumer.reinstate'))
      WHERE (p.suspended_reason IS 'admin') <> (last.action IS 'consumer.suspend')`,
    describe: (r) => `consumer ${r.user_id}: suspended by ${r.suspended_reason ?? "nobody"}, last audited ${r.action ?? "nothing"}`,
  },
  {
    invariant: "a store's active and forced-off flags match the audit log",
    query: sql`SELECT s.id, s.active, s.pay_later_forced_off,
        (SELECT a.action FROM audit_log a WHERE a.entity_type = 'store' AND a.entity_id = CAST(s.id AS TEXT)
          AND a.action IN ('store.activate', 'store.deactivate') ORDER BY a.id DESC LIMIT 1) AS active_action,
        (SELECT a.action FROM audit_log a WHERE a.entity_type = 'store' AND a.entity_id = CAST(s.id AS TEXT)
          AND a.action IN ('store.force_pay_later_off', 'store.lift_pay_later_off') ORDER BY a.id DESC LIMIT 1) AS forced_action
      FROM stores s
      WHERE (s.active = 0) <> (active_action IS 'store.deactivate') OR (s.pay_later_forced_off = 1) <> (forced_action IS 'store.force_pay_later_off')`,
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
];

export function checkInvariants(db: Db): Violation[] {
  const violations: Violation[] = [];
  for (const check of CHECKS)
    for (const row of db.all<Record<string, unknown>>(check.query)) violations.push({ invariant: check.invariant, detail: check.describe(row) });

  // Late fees within their cap, under the policy version of each bill.
  const policies = new Map(
    db.all<{ version: number; params: string }>(sql`SELECT version, params FROM policy_versions`).map((p) => [p.version, policyParamsSchema.parse(JSON.parse(p.params))]),
  );
  const charged = db.all<{ id: number; amount_fen: number; late_fee_fen: number; policy_version: number }>(sql`
    SELECT i.id, i.amount_fen, i.late_fee_fen, b.policy_version FROM instalments i JOIN bills b ON b.id = i.bill_id WHERE i.late_fee_fen > 0`);
  for (const row of charged) {
    const policy = policies.get(row.policy_version);
    if (policy && row.late_fee_fen > lateFeeFor(row.amount_fen, policy))
      violations.push({ invariant: "each late fee is within its cap", detail: `instalment ${row.id}: fee ${row.late_fee_fen} fen above its cap` });
  }
  return violations;
}
