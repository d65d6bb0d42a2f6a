import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { creditProfiles, users } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { notify, payLaterSuspendedBySupportNotice } from "@/server/services/notifications/notify";
import { acceptedCurrentAgreement } from "./consumer-profile";

async function loadProfile(tx: Db, consumerId: number) {
  const profile = await first(
    tx
      .select({ name: users.name, payLaterStatus: creditProfiles.payLaterStatus, suspendedReason: creditProfiles.suspendedReason })
      .from(creditProfiles)
      .innerJoin(users, eq(users.id, creditProfiles.userId))
      .where(eq(creditProfiles.userId, consumerId)),
  );
  if (!profile) throw new DomainError("NOT_FOUND", "No consumer with this id.");
  return profile;
}

/** Suspends pay later by an admin: only an admin lifts it (the credit jobs leave it alone). */
export async function suspendPayLater(db: Db, clock: Clock, actor: Actor, input: { consumerId: number; reason: string }) {
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const profile = await loadProfile(tx, input.consumerId);
    if (profile.payLaterStatus === "suspended" && profile.suspendedReason === "admin")
      throw new DomainError("NO_CHANGE", `Pay later is already suspended for ${profile.name}.`);
    const after = { payLaterStatus: "suspended" as const, suspendedReason: "admin" as const };
    await notify(tx, payLaterSuspendedBySupportNotice(input.consumerId, input.reason, at));
    return applyStatus(tx, { actor, action: "consumer.suspend", consumerId: input.consumerId, reason: input.reason, at }, profile, after);
  });
}

/** Lifts a suspension: enabled if the consumer accepted the agreement, otherwise back to not enabled. */
export async function reinstatePayLater(db: Db, clock: Clock, actor: Actor, input: { consumerId: number; reason: string }) {
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const profile = await loadProfile(tx, input.consumerId);
    if (profile.payLaterStatus !== "suspended") throw new DomainError("NO_CHANGE", `Pay later is not suspended for ${profile.name}.`);
    const after = {
      payLaterStatus: (await acceptedCurrentAgreement(tx, input.consumerId)) ? ("enabled" as const) : ("not_enabled" as const),
      suspendedReason: null,
    };
    return applyStatus(tx, { actor, action: "consumer.reinstate", consumerId: input.consumerId, reason: input.reason, at }, profile, after);
  });
}

type StatusChange = { payLaterStatus: "enabled" | "not_enabled" | "suspended"; suspendedReason: "admin" | null };

/**
 * Writes an admin's pay-later status change and its audit entry (before, after and the reason). A suspension keeps the
 * admin's reason for the consumer to read; reinstating clears it.
 */
async function applyStatus<T extends StatusChange>(
  tx: Db,
  change: { actor: Actor; action: string; consumerId: number; reason: string; at: Date },
  profile: { payLaterStatus: string; suspendedReason: string | null },
  after: T,
): Promise<T> {
  await tx
    .update(creditProfiles)
    .set({ ...after, suspendedNote: after.payLaterStatus === "suspended" ? change.reason : null, updatedAt: change.at })
    .where(eq(creditProfiles.userId, change.consumerId));
  await recordAudit(tx, {
    actor: change.actor,
    action: change.action,
    entityType: "consumer",
    entityId: change.consumerId,
    before: { payLaterStatus: profile.payLaterStatus, suspendedReason: profile.suspendedReason },
    after: { ...after, reason: change.reason },
    at: change.at,
  });
  return after;
}
