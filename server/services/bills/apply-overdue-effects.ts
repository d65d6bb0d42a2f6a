// The side effects of instalments going overdue, each applied once: mark each and charge its late fee, the
// overdue penalty, and the larger penalty once it is LONG_OVERDUE_DAYS overdue. Set-based: a few statements
// for any number of instalments, each under the terms of its bill's own policy version.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions } from "@/db/schema";
import { addDays } from "@/server/domain/dates";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { BPS, formatFen } from "@/server/domain/money";
import { policyParamsSchema, SCORE_MAX, SCORE_MIN } from "@/server/domain/policy";
import { notifyMany } from "@/server/services/notifications/notify";

export type OverdueOutcome = { marked: number; feeFen: number; penalties: number; longPenalties: number };

// The pure rules in SQL, with their constants from the domain; tests/credit-jobs-sql.test.ts checks that they
// agree with lateFeeFor and clampScore. Integer division truncates, which is the floor for fen ≥ 0.
/** lateFeeFor(amount, policy): the policy's fee, capped at a share (basis points) of the instalment. */
export const lateFeeSql = (amountFen: SQL, feeFen: SQL, capBps: SQL) => sql`min(${feeFen}, (${amountFen} * ${capBps}) / ${sql.raw(String(BPS))})`;
/** clampScore(score) for whole scores. */
export const clampScoreSql = (score: SQL) => sql`min(${sql.raw(String(SCORE_MAX))}, max(${sql.raw(String(SCORE_MIN))}, ${score}))`;

/** Every policy version's overdue terms as a CTE `terms(version, fee_fen, cap_bps, penalty, penalty_30)`. */
function termsCte(tx: Db): SQL {
  const terms = tx
    .select()
    .from(policyVersions)
    .all()
    .map((row) => {
      const p = policyParamsSchema.parse(row.params);
      return [row.version, p.lateFeeFen, p.lateFeeCapBps, p.overduePenalty, p.overdue30Penalty];
    });
  return sql`terms(version, fee_fen, cap_bps, penalty, penalty_30) AS MATERIALIZED (
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(${JSON.stringify(terms)}))`;
}

/**
 * Applies the overdue effects due on `today` to those of `instalmentIds` that are open and overdue; a second
 * call changes nothing. Runs inside the caller's immediate transaction (every condition is re-checked there).
 */
export function applyOverdueEffects(tx: Db, instalmentIds: readonly number[], ctx: { today: string; at: Date }): OverdueOutcome {
  const outcome: OverdueOutcome = { marked: 0, feeFen: 0, penalties: 0, longPenalties: 0 };
  if (instalmentIds.length === 0) return outcome;
  const ids = sql`(SELECT value FROM json_each(${JSON.stringify(instalmentIds)}))`;
  const at = ctx.at.getTime();
  const terms = termsCte(tx);

  // Mark and charge the fee; the null check makes the fee land once even if another run got here first.
  const marked = tx.all<{ id: number; consumerId: number; dueDate: string; feeFen: number }>(sql`
    WITH ${terms}
    UPDATE instalments SET
      late_fee_fen = (SELECT ${lateFeeSql(sql`instalments.amount_fen`, sql`t.fee_fen`, sql`t.cap_bps`)}
                      FROM bills b JOIN terms t ON t.version = b.policy_version WHERE b.id = instalments.bill_id),
      overdue_marked_at = ${at}
    WHERE id IN ${ids} AND state = 'open' AND overdue_on <= ${ctx.today} AND overdue_marked_at IS NULL
    RETURNING id, consumer_id AS consumerId, due_date AS dueDate, late_fee_fen AS feeFen`);
  marked.sort((a, b) => a.id - b.id);
  outcome.marked = marked.length;
  for (const m of marked) outcome.feeFen += m.feeFen;
  notifyMany(
    tx,
    marked.map((m) => ({
      userId: m.consumerId,
      kind: "overdue" as const,
      title: "A payment is overdue",
      body: `Your instalment due ${m.dueDate} is overdue. A late fee of ${formatFen(m.feeFen)} was added; repay it to keep pay later.`,
      link: "/account/bills",
      dedupeKey: `overdue:${m.id}`,
      at: ctx.at,
    })),
  );

  // The penalties not yet applied, in instalment order (overdue before overdue_30), each consumer's score
  // moving through them one after another. Penalties are never negative (policy schema) and stored scores
  // are within bounds, so clamping the running total equals clamping step by step.
  const longCutoff = addDays(ctx.today, -(LONG_OVERDUE_DAYS - 1));
  const events = tx.all<{ id: number; userId: number; reason: "overdue" | "overdue_30"; scoreAfter: number }>(sql`
    WITH ${terms},
    due AS MATERIALIZED (
      SELECT i.id, i.consumer_id, i.due_date, i.overdue_on, b.order_id, t.penalty, t.penalty_30
      FROM instalments i JOIN bills b ON b.id = i.bill_id JOIN terms t ON t.version = b.policy_version
      WHERE i.id IN ${ids} AND i.state = 'open' AND i.overdue_on <= ${ctx.today}),
    effects AS (
      SELECT id, consumer_id, order_id, 0 AS step, 'overdue' AS reason, -penalty AS delta, 'overdue:' || id AS effect_key,
        'Instalment due ' || due_date || ' went overdue' AS note FROM due
      UNION ALL
      SELECT id, consumer_id, order_id, 1, 'overdue_30', -penalty_30, 'overdue_30:' || id,
        'Instalment due ' || due_date || ' is ' || ${LONG_OVERDUE_DAYS} || ' days overdue' FROM due WHERE overdue_on <= ${longCutoff}),
    fresh AS (
      SELECT e.*, p.score AS start,
        ${clampScoreSql(sql`p.score + SUM(e.delta) OVER (PARTITION BY e.consumer_id ORDER BY e.id, e.step ROWS UNBOUNDED PRECEDING)`)} AS score_after
      FROM effects e JOIN credit_profiles p ON p.user_id = e.consumer_id
      WHERE NOT EXISTS (SELECT 1 FROM credit_events c WHERE c.effect_key = e.effect_key)),
    stepped AS (
      SELECT *, score_after - LAG(score_after, 1, start) OVER (PARTITION BY consumer_id ORDER BY id, step) AS applied FROM fresh)
    INSERT INTO credit_events (user_id, delta, score_after, reason, note, order_id, instalment_id, actor_user_id, effect_key, created_at)
    SELECT consumer_id, applied, score_after, reason, note, order_id, id, NULL, effect_key, ${at} FROM stepped ORDER BY id, step
    RETURNING id, user_id AS userId, reason, score_after AS scoreAfter`);
  if (events.length === 0) return outcome;
  const finalScore = new Map<number, { id: number; score: number }>();
  for (const e of events) {
    if (e.reason === "overdue") outcome.penalties += 1;
    else outcome.longPenalties += 1;
    const seen = finalScore.get(e.userId);
    if (!seen || seen.id < e.id) finalScore.set(e.userId, { id: e.id, score: e.scoreAfter });
  }
  const scores = JSON.stringify([...finalScore].map(([userId, s]) => [userId, s.score]));
  tx.run(sql`
    UPDATE credit_profiles SET score = s.value ->> 1, updated_at = ${at}
    FROM json_each(${scores}) AS s WHERE credit_profiles.user_id = s.value ->> 0`);
  return outcome;
}
