// The side effects of instalments going overdue, each applied once: mark each and charge its late fee, the
// overdue penalty, and the larger penalty once it is LONG_OVERDUE_DAYS overdue. Set-based: a few statements
// for any number of instalments, each under the terms of its bill's own policy version.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inIds, instant, integerRows } from "@/db/dialect";
import { exec, rows } from "@/db/query";
import { policyVersions } from "@/db/schema";
import { addDays } from "@/server/calendar";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { storedPolicyParams } from "@/server/domain/policy";
import { notifyMany, overdueNotice } from "@/server/services/notifications/notify";
import { apiInstalments } from "@/server/services/merchant-api/api-bills";
import { recordEvents } from "@/server/services/webhooks/record-event";
import { clampScoreSql, lateFeeSql, openOverdueSql, overdueOnOrBeforeSql } from "@/server/sql/rules";

export type OverdueOutcome = { marked: number; feeFen: number; penalties: number; longPenalties: number };

/**
 * Every policy version's overdue terms as a CTE `terms(version, fee_fen, cap_bps, penalty, penalty_30)`, or null
 * when no version exists (then no bill, so no instalment, exists either). The values are whole numbers (the
 * policy schema), inlined as a VALUES table. cap_bps is a bigint: on PostgreSQL amount_fen * cap_bps would
 * overflow an integer for instalments above ¥2,147.
 */
async function termsCte(tx: Db): Promise<SQL | null> {
  const terms = (await tx.select().from(policyVersions)).map((row) => {
    const p = storedPolicyParams(row.params);
    return [row.version, p.lateFeeFen, p.lateFeeCapBps, p.overduePenalty, p.overdue30Penalty];
  });
  if (terms.length === 0) return null;
  return sql`terms(version, fee_fen, cap_bps, penalty, penalty_30) AS MATERIALIZED (
    SELECT column1, column2, CAST(column3 AS BIGINT), column4, column5 FROM ${integerRows(terms)} AS v)`;
}

/**
 * Applies the overdue effects due on `today` to those of `instalmentIds` that are open and overdue; a second
 * call changes nothing. Runs inside the caller's transaction (every condition is re-checked there).
 */
export async function applyOverdueEffects(tx: Db, instalmentIds: readonly number[], ctx: { today: string; at: Date }): Promise<OverdueOutcome> {
  const outcome: OverdueOutcome = { marked: 0, feeFen: 0, penalties: 0, longPenalties: 0 };
  if (instalmentIds.length === 0) return outcome;
  const at = instant(ctx.at);
  const terms = await termsCte(tx);
  if (!terms) return outcome;

  // Mark and charge the fee; the null check makes the fee land once even if another run got here first.
  const marked = await rows<{ id: number; consumerId: number; storeId: number; dueDate: string; feeFen: number }>(
    tx,
    sql`
    WITH ${terms}
    UPDATE instalments SET
      late_fee_fen = (SELECT ${lateFeeSql(sql`instalments.amount_fen`, sql`t.fee_fen`, sql`t.cap_bps`)}
                      FROM bills b JOIN terms t ON t.version = b.policy_version WHERE b.id = instalments.bill_id),
      overdue_marked_at = ${at}
    WHERE ${inIds(sql`id`, instalmentIds)} AND ${openOverdueSql(null, ctx.today)} AND overdue_marked_at IS NULL
    RETURNING id, consumer_id AS "consumerId", store_id AS "storeId", due_date AS "dueDate", late_fee_fen AS "feeFen"`,
  );
  marked.sort((a, b) => a.id - b.id);
  outcome.marked = marked.length;
  for (const m of marked) outcome.feeFen += m.feeFen;
  await notifyMany(
    tx,
    marked.map((m) => overdueNotice({ userId: m.consumerId, instalmentId: m.id, dueDate: m.dueDate, feeFen: m.feeFen, at: ctx.at })),
  );
  // instalment.past_due for the stores whose webhook endpoints ask for it (one read of endpoints per chunk).
  await recordEvents(tx, {
    type: "instalment.past_due",
    at: ctx.at,
    items: marked.map((m) => ({ merchantId: m.storeId, key: m.id })),
    dataOf: (ids) => apiInstalments(tx, ids, ctx.today),
  });

  // The penalties not yet applied, in instalment order (overdue before overdue_30), each consumer's score
  // moving through them one after another. Penalties are never negative (policy schema) and stored scores
  // are within bounds, so clamping the running total equals clamping step by step. score_after is cast back
  // to an integer (the running SUM is a bigint on PostgreSQL) so that LAG's default, the integer start, matches it.
  const longCutoff = addDays(ctx.today, -(LONG_OVERDUE_DAYS - 1));
  const events = await rows<{ id: number; userId: number; reason: "overdue" | "overdue_30"; scoreAfter: number }>(
    tx,
    sql`
    WITH ${terms},
    due AS MATERIALIZED (
      SELECT i.id, i.consumer_id, i.due_date, i.overdue_on, b.order_id, t.penalty, t.penalty_30
      FROM instalments i JOIN bills b ON b.id = i.bill_id JOIN terms t ON t.version = b.policy_version
      WHERE ${inIds(sql`i.id`, instalmentIds)} AND ${openOverdueSql("i", ctx.today)}),
    effects AS (
      SELECT id, consumer_id, order_id, 0 AS step, 'overdue' AS reason, -penalty AS delta, 'overdue:' || id AS effect_key,
        'Instalment due ' || due_date || ' went overdue' AS note FROM due
      UNION ALL
      SELECT id, consumer_id, order_id, 1, 'overdue_30', -penalty_30, 'overdue_30:' || id,
        'Instalment due ' || due_date || ' is ' || ${sql.raw(String(LONG_OVERDUE_DAYS))} || ' days overdue' FROM due
      WHERE ${overdueOnOrBeforeSql(null, longCutoff)}),
    fresh AS (
      SELECT e.*, p.score AS start,
        CAST(${clampScoreSql(sql`p.score + SUM(e.delta) OVER (PARTITION BY e.consumer_id ORDER BY e.id, e.step ROWS UNBOUNDED PRECEDING)`)} AS INTEGER) AS score_after
      FROM effects e JOIN credit_profiles p ON p.user_id = e.consumer_id
      WHERE NOT EXISTS (SELECT 1 FROM credit_events c WHERE c.effect_key = e.effect_key)),
    stepped AS (
      SELECT *, score_after - LAG(score_after, 1, start) OVER (PARTITION BY consumer_id ORDER BY id, step) AS applied FROM fresh)
    INSERT INTO credit_events (user_id, delta, score_after, reason, note, order_id, instalment_id, effect_key, created_at)
    SELECT consumer_id, applied, score_after, reason, note, order_id, id, effect_key, ${at} FROM stepped ORDER BY id, step
    RETURNING id, user_id AS "userId", reason, score_after AS "scoreAfter"`,
  );
  if (events.length === 0) return outcome;
  const finalScore = new Map<number, { id: number; score: number }>();
  for (const e of events) {
    if (e.reason === "overdue") outcome.penalties += 1;
    else outcome.longPenalties += 1;
    const seen = finalScore.get(e.userId);
    if (!seen || seen.id < e.id) finalScore.set(e.userId, { id: e.id, score: e.scoreAfter });
  }
  const scores = [...finalScore].map(([userId, s]) => [userId, s.score]);
  await exec(
    tx,
    sql`
    UPDATE credit_profiles SET score = s.column2, updated_at = ${at}
    FROM ${integerRows(scores)} AS s WHERE credit_profiles.user_id = s.column1`,
  );
  return outcome;
}
