// Writes that keep a consumer's credit facts true; each runs inside the caller's transaction.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/prepared";
import { creditEvents, creditProfiles } from "@/db/schema";
import { applyScoreDelta, shouldReinstate, shouldSuspendForOverdue } from "@/server/domain/credit";
import type { PolicyParams } from "@/server/domain/policy";
import { loadCreditState } from "./credit-state";

const usedCreditStatement = perConnection((db) =>
  db
    .update(creditProfiles)
    .set({ usedCreditFen: sql`${creditProfiles.usedCreditFen} + ${sql.placeholder("delta")}`, updatedAt: sql`${sql.placeholder("atMs")}` })
    .where(eq(creditProfiles.userId, sql.placeholder("consumerId")))
    .prepare(),
);

/** Adds to (positive) or releases (negative) the consumer's used credit. */
export function changeUsedCredit(tx: Db, consumerId: number, deltaFen: number, at: Date): void {
  if (deltaFen === 0) return;
  usedCreditStatement(tx).run({ consumerId, delta: deltaFen, atMs: at.getTime() });
}

export type ScoreEffect = {
  userId: number;
  delta: number;
  reason: "on_time_payment" | "overdue" | "overdue_30" | "admin_adjustment";
  // Unique per effect (server/domain/effects.ts); null for effects that may repeat (admin adjustments).
  effectKey: string | null;
  note?: string;
  orderId?: number;
  instalmentId?: number;
  actorUserId?: number;
  at: Date;
};

/** Applies a score change once: a second call with the same effect key does nothing. Returns whether it applied. */
export function applyScoreEffect(tx: Db, effect: ScoreEffect): boolean {
  if (effect.effectKey) {
    const seen = tx.select({ id: creditEvents.id }).from(creditEvents).where(eq(creditEvents.effectKey, effect.effectKey)).get();
    if (seen) return false;
  }
  const profile = tx.select({ score: creditProfiles.score }).from(creditProfiles).where(eq(creditProfiles.userId, effect.userId)).get();
  if (!profile) return false;
  const next = applyScoreDelta(profile.score, effect.delta);
  tx.update(creditProfiles).set({ score: next.score, updatedAt: effect.at }).where(eq(creditProfiles.userId, effect.userId)).run();
  tx.insert(creditEvents)
    .values({
      userId: effect.userId,
      delta: next.applied,
      scoreAfter: next.score,
      reason: effect.reason,
      note: effect.note ?? null,
      orderId: effect.orderId ?? null,
      instalmentId: effect.instalmentId ?? null,
      actorUserId: effect.actorUserId ?? null,
      effectKey: effect.effectKey,
      createdAt: effect.at,
    })
    .run();
  return true;
}

export type StatusChange = "suspended" | "reinstated" | null;

/** Suspends a consumer with something overdue, or reinstates one who has paid it off. */
export function reconcilePayLaterStatus(tx: Db, consumerId: number, today: string, policy: PolicyParams, at: Date): StatusChange {
  const state = loadCreditState(tx, consumerId, today);
  if (shouldSuspendForOverdue(state, policy)) {
    tx.update(creditProfiles).set({ payLaterStatus: "suspended", suspendedReason: "overdue", updatedAt: at }).where(eq(creditProfiles.userId, consumerId)).run();
    return "suspended";
  }
  if (shouldReinstate(state, policy)) {
    tx.update(creditProfiles).set({ payLaterStatus: "enabled", suspendedReason: null, updatedAt: at }).where(eq(creditProfiles.userId, consumerId)).run();
    return "reinstated";
  }
  return null;
}

/**
 * reconcilePayLaterStatus for many consumers in two statements: the same rules (shouldSuspendForOverdue,
 * shouldReinstate) as SQL conditions; tests/credit-jobs-sql.test.ts checks that both agree.
 * Returns who was suspended and who reinstated. Runs inside the caller's immediate transaction.
 */
export function reconcilePayLaterStatuses(
  tx: Db,
  consumerIds: readonly number[],
  today: string,
  policy: PolicyParams,
  at: Date,
): { suspended: number[]; reinstated: number[] } {
  if (consumerIds.length === 0) return { suspended: [], reinstated: [] };
  const ids = sql`(SELECT value FROM json_each(${JSON.stringify(consumerIds)}))`;
  const overdue = sql`EXISTS (SELECT 1 FROM instalments i WHERE i.consumer_id = credit_profiles.user_id AND i.state = 'open' AND i.overdue_on <= ${today})`;
  const atMs = at.getTime();
  const suspended = policy.suspendWhileOverdue
    ? tx.all<{ id: number }>(sql`
        UPDATE credit_profiles SET pay_later_status = 'suspended', suspended_reason = 'overdue', updated_at = ${atMs}
        WHERE user_id IN ${ids} AND pay_later_status = 'enabled' AND ${overdue}
        RETURNING user_id AS id`)
    : [];
  const reinstated = tx.all<{ id: number }>(sql`
    UPDATE credit_profiles SET pay_later_status = 'enabled', suspended_reason = NULL, updated_at = ${atMs}
    WHERE user_id IN ${ids} AND pay_later_status = 'suspended' AND suspended_reason = 'overdue' AND score >= ${policy.minScore} AND NOT ${overdue}
    RETURNING user_id AS id`);
  const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { suspended: sorted(suspended), reinstated: sorted(reinstated) };
}
