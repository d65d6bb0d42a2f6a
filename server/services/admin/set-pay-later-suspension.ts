import { eq } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { creditProfiles, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { acceptedCurrentAgreement } from "./consumer-profile";

function loadProfile(tx: Db, consumerId: number) {
  const profile = tx
    .select({ name: users.name, payLaterStatus: creditProfiles.payLaterStatus, suspendedReason: creditProfiles.suspendedReason })
    .from(creditProfiles)
    .innerJoin(users, eq(users.id, creditProfiles.userId))
    .where(eq(creditProfiles.userId, consumerId))
    .get();
  if (!profile) throw new DomainError("NOT_FOUND", "No consumer with this id.");
  return profile;
}

/** Suspends pay later by an admin: only an admin lifts it (the credit jobs leave it alone). */
export function suspendPayLater(db: Db, clock: Clock, actor: Actor, input: { consumerId: number; reason: string }) {
  const at = clock.now();
  return immediate(db, (tx) => {
    const profile = loadProfile(tx, input.consumerId);
    if (profile.payLaterStatus === "suspended" && profile.suspendedReason === "admin")
      throw new DomainError("NO_CHANGE", `Pay later is already suspended for ${profile.name}.`);
    const after = { payLaterStatus: "suspended" as const, suspendedReason: "admin" as const };
    tx.update(creditProfiles).set({ ...after, updatedAt: at }).where(eq(creditProfiles.userId, input.consumerId)).run();
    recordAudit(tx, {
      actor,
      action: "consumer.suspend",
      entityType: "consumer",
      entityId: input.consumerId,
      before: { payLaterStatus: profile.payLaterStatus, suspendedReason: profile.suspendedReason },
      after: { ...after, reason: input.reason },
      at,
    });
    return after;
  });
}

/** Lifts a suspension: enabled if the consumer accepted the agreement, otherwise back to not enabled. */
export function reinstatePayLater(db: Db, clock: Clock, actor: Actor, input: { consumerId: number; reason: string }) {
  const at = clock.now();
  return immediate(db, (tx) => {
    const profile = loadProfile(tx, input.consumerId);
    if (profile.payLaterStatus !== "suspended") throw new DomainError("NO_CHANGE", `Pay later is not suspended for ${profile.name}.`);
    const after = { payLaterStatus: acceptedCurrentAgreement(tx, input.consumerId) ? ("enabled" as const) : ("not_enabled" as const), suspendedReason: null };
    tx.update(creditProfiles).set({ ...after, updatedAt: at }).where(eq(creditProfiles.userId, input.consumerId)).run();
    recordAudit(tx, {
      actor,
      action: "consumer.reinstate",
      entityType: "consumer",
      entityId: input.consumerId,
      before: { payLaterStatus: profile.payLaterStatus, suspendedReason: profile.suspendedReason },
      after: { ...after, reason: input.reason },
      at,
    });
    return after;
  });
}
