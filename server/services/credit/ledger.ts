// Writes that keep a consumer's credit facts true; each runs inside the caller's transaction.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate, inIds, instant } from "@/db/dialect";
import { isPg } from "@/db/engine";
import { perConnection } from "@/db/prepared";
import { first, rows } from "@/db/query";
import { creditEvents, creditProfiles } from "@/db/schema";
import { applyScoreDelta, shouldReinstate, shouldSuspendForOverdue } from "@/server/domain/credit";
import type { PolicyParams } from "@/server/domain/policy";
import { openOverdueSql } from "@/server/sql/rules";
import { loadCreditState } from "./credit-state";

const usedCreditStatement = perConnection((db) =>
  db
    .update(creditProfiles)
    // A placeholder set as a column's value is encoded as that column (a Date: epoch ms on SQLite, timestamptz on PostgreSQL).
    .set({ usedCreditFen: sql`${creditProfiles.usedCreditFen} + ${sql.placeholder("delta")}`, updatedAt: sql.placeholder("at") as unknown as Date })
    .where(eq(creditProfiles.userId, sql.placeholder("consumerId")))
    .prepare("change_used_credit"),
);

/**
 * Locks the consumer's credit profile for the rest of the transaction: every rule about their credit (limit,
 * status, anything overdue, an idempotency key) read after this sees the latest committed state, and another
 * checkout of theirs waits here. On SQLite the transaction already holds the whole database.
 */
export async function lockCreditProfile(tx: Db, consumerId: number): Promise<void> {
  if (!isPg()) return;
  await rows(tx, sql`SELECT user_id FROM credit_profiles WHERE user_id = ${consumerId}${forUpdate()}`);
}

/** Adds to (positive) or releases (negative) the consumer's used credit. */
export async function changeUsedCredit(tx: Db, consumerId: number, deltaFen: number, at: Date): Promise<void> {
  if (deltaFen === 0) return;
  await usedCreditStatement(tx).execute({ consumerId, delta: deltaFen, at });
}

export type ScoreEffect = {
  userId: number;
  delta: number;
  reason: "on_time_payment" | "overdue" | "overdue_30" | "admin_adjustment" | "due_date_extended";
  // Unique per effect (server/domain/effects.ts); null for effects that may repeat (admin adjustments).
  effectKey: string | null;
  note?: string;
  orderId?: number;
  instalmentId?: number;
  actorUserId?: number;
  at: Date;
};

/** Applies a score change once: a second call with the same effect key does nothing. Returns whether it applied. */
export async function applyScoreEffect(tx: Db, effect: ScoreEffect): Promise<boolean> {
  if (effect.effectKey) {
    const seen = await first(tx.select({ id: creditEvents.id }).from(creditEvents).where(eq(creditEvents.effectKey, effect.effectKey)));
    if (seen) return false;
  }
  const profile = await first(tx.select({ score: creditProfiles.score }).from(creditProfiles).where(eq(creditProfiles.userId, effect.userId)));
  if (!profile) return false;
  const next = applyScoreDelta(profile.score, effect.delta);
  await tx.update(creditProfiles).set({ score: next.score, updatedAt: effect.at }).where(eq(creditProfiles.userId, effect.userId));
  await tx.insert(creditEvents).values({
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
  });
  return true;
}

export type StatusChange = "suspended" | "reinstated" | null;

/** Suspends a consumer with something overdue, or reinstates one who has paid it off. */
export async function reconcilePayLaterStatus(tx: Db, consumerId: number, today: string, policy: PolicyParams, at: Date): Promise<StatusChange> {
  const state = await loadCreditState(tx, consumerId, today);
  if (shouldSuspendForOverdue(state, policy)) {
    await tx
      .update(creditProfiles)
      .set({ payLaterStatus: "suspended", suspendedReason: "overdue", updatedAt: at })
      .where(eq(creditProfiles.userId, consumerId));
    return "suspended";
  }
  if (shouldReinstate(state, policy)) {
    await tx
      .update(creditProfiles)
      .set({ payLaterStatus: "enabled", suspendedReason: null, updatedAt: at })
      .where(eq(creditProfiles.userId, consumerId));
    return "reinstated";
  }
  return null;
}

/**
 * reconcilePayLaterStatus for many consumers in two statements: the same rules (shouldSuspendForOverdue,
 * shouldReinstate) as SQL conditions; tests/credit-jobs-sql.test.ts checks that both agree.
 * Returns who was suspended and who reinstated. Runs inside the caller's immediate transaction.
 */
export async function reconcilePayLaterStatuses(
  tx: Db,
  consumerIds: readonly number[],
  today: string,
  policy: PolicyParams,
  at: Date,
): Promise<{ suspended: number[]; reinstated: number[] }> {
  if (consumerIds.length === 0) return { suspended: [], reinstated: [] };
  const inList = inIds(sql`user_id`, consumerIds);
  const overdue = sql`EXISTS (SELECT 1 FROM instalments i WHERE i.consumer_id = credit_profiles.user_id AND ${openOverdueSql("i", today)})`;
  const suspended = policy.suspendWhileOverdue
    ? await rows<{ id: number }>(
        tx,
        sql`
        UPDATE credit_profiles SET pay_later_status = 'suspended', suspended_reason = 'overdue', updated_at = ${instant(at)}
        WHERE ${inList} AND pay_later_status = 'enabled' AND ${overdue}
        RETURNING user_id AS id`,
      )
    : [];
  const reinstated = await rows<{ id: number }>(
    tx,
    sql`
    UPDATE credit_profiles SET pay_later_status = 'enabled', suspended_reason = NULL, updated_at = ${instant(at)}
    WHERE ${inList} AND pay_later_status = 'suspended' AND suspended_reason = 'overdue' AND score >= ${policy.minScore} AND NOT ${overdue}
    RETURNING user_id AS id`,
  );
  const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { suspended: sorted(suspended), reinstated: sorted(reinstated) };
}
