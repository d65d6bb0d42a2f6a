import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { endAllSessions } from "@/server/auth/revocation";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";

type StoreFlag = "active" | "payLaterForcedOff";

const ACTIONS: Record<StoreFlag, { on: string; off: string; already: (name: string, value: boolean) => string }> = {
  active: {
    on: "store.activate",
    off: "store.deactivate",
    already: (name, value) => `${name} is already ${value ? "active" : "inactive"}.`,
  },
  payLaterForcedOff: {
    on: "store.force_pay_later_off",
    off: "store.lift_pay_later_off",
    already: (name, value) => (value ? `Pay later is already forced off at ${name}.` : `Pay later is not forced off at ${name}.`),
  },
};

async function setStoreFlag(db: Db, clock: Clock, actor: Actor, storeId: number, flag: StoreFlag, value: boolean, reason?: string) {
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const store = await first(tx.select().from(stores).where(eq(stores.id, storeId)));
    if (!store) throw new DomainError("NOT_FOUND", "No store with this id.");
    if (store[flag] === value) throw new DomainError("NO_CHANGE", ACTIONS[flag].already(store.name, value));
    // The merchant reads why pay later was forced off on their settings page; lifting clears it.
    const reasonColumn = flag === "payLaterForcedOff" ? { payLaterForcedOffReason: value ? (reason ?? null) : null } : {};
    await tx
      .update(stores)
      .set({ [flag]: value, ...reasonColumn })
      .where(eq(stores.id, storeId));
    // The owner's open sessions end with the store; signing in again, they find it read-only (server/api/trpc.ts).
    if (flag === "active" && !value) await endAllSessions(tx, store.ownerUserId);
    await recordAudit(tx, {
      actor,
      action: value ? ACTIONS[flag].on : ACTIONS[flag].off,
      entityType: "store",
      entityId: storeId,
      before: { [flag]: store[flag] },
      after: reason ? { [flag]: value, reason } : { [flag]: value },
      at,
    });
    return { storeId, [flag]: value };
  });
}

/** Activates or deactivates a store (an inactive store takes no orders, and its owner is signed out and may only read). */
export async function setStoreActive(db: Db, clock: Clock, actor: Actor, input: { storeId: number; active: boolean }) {
  return setStoreFlag(db, clock, actor, input.storeId, "active", input.active);
}

/** Forces pay later off at a store with a reason the merchant is shown (they cannot turn it back on), or lifts that. */
export async function setPayLaterForcedOff(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { storeId: number; forcedOff: true; reason: string } | { storeId: number; forcedOff: false; reason?: string },
) {
  return setStoreFlag(db, clock, actor, input.storeId, "payLaterForcedOff", input.forcedOff, input.reason);
}
