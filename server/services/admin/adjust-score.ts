import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { creditProfiles, users } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { applyScoreDelta } from "@/server/domain/credit";
import { DomainError } from "@/server/domain/errors";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { applyScoreEffect } from "@/server/services/credit/ledger";

export type ScoreAdjustment = { consumerId: number; reason: string } & ({ delta: number } | { newScore: number });

/** Moves a consumer's score by a delta or to a new score (clamped 350–950), with the admin's reason. */
export async function adjustScore(db: Db, clock: Clock, actor: Actor, input: ScoreAdjustment) {
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const profile = await first(
      tx
        .select({ score: creditProfiles.score, name: users.name })
        .from(creditProfiles)
        .innerJoin(users, eq(users.id, creditProfiles.userId))
        .where(eq(creditProfiles.userId, input.consumerId)),
    );
    if (!profile) throw new DomainError("NOT_FOUND", "No consumer with this id.");
    const requested = "delta" in input ? input.delta : input.newScore - profile.score;
    const next = applyScoreDelta(profile.score, requested);
    if (next.applied === 0) throw new DomainError("NO_CHANGE", `${profile.name}'s score is already ${profile.score}.`);
    await applyScoreEffect(tx, {
      userId: input.consumerId,
      delta: next.applied,
      reason: "admin_adjustment",
      effectKey: null,
      note: input.reason,
      actorUserId: actor.userId,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: "consumer.adjust_score",
      entityType: "consumer",
      entityId: input.consumerId,
      before: { score: profile.score },
      after: { score: next.score, delta: next.applied, reason: input.reason },
      at,
    });
    return { score: next.score, delta: next.applied };
  });
}
