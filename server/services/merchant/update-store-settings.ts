import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import type { StoreSettings } from "@/server/domain/store-settings";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { getStoreSettings } from "./get-store-settings";

/**
 * Saves the store profile and pay-later terms, writing the change to the audit log.
 * While an admin has forced pay later off, the merchant cannot turn it back on.
 */
export async function updateStoreSettings(db: Db, clock: Clock, input: { storeId: number; actor: Actor; settings: StoreSettings }) {
  return withTransaction(db, async (tx) => {
    const before = await getStoreSettings(tx, input.storeId);
    const s = input.settings;
    if (s.offerPayLater && before.payLaterForcedOff)
      throw new DomainError("PAY_LATER_FORCED_OFF", "Houfu has turned pay later off for this store; contact support to offer it again.");
    if (s.payLaterMinFen !== null && s.payLaterMaxFen !== null && s.payLaterMinFen > s.payLaterMaxFen)
      throw new DomainError("INVALID_SETTINGS", "The pay-later maximum must be at least the minimum.");
    await tx.update(stores).set(storeColumnsOf(s)).where(eq(stores.id, input.storeId));
    const after = await getStoreSettings(tx, input.storeId);
    await recordAudit(tx, {
      actor: input.actor,
      action: "store.settings_updated",
      entityType: "store",
      entityId: input.storeId,
      before: storeColumnsOf(before),
      after: storeColumnsOf(after),
      at: clock.now(),
    });
    return after;
  });
}

/** The settings as the stores table's columns: what is written, and what the audit row records before and after. */
function storeColumnsOf(s: {
  name: string;
  description: string;
  category: string;
  offerPayLater: boolean;
  payLaterMinFen: number | null;
  payLaterMaxFen: number | null;
}) {
  return {
    name: s.name,
    description: s.description,
    category: s.category,
    payLaterEnabled: s.offerPayLater,
    payLaterMinFen: s.payLaterMinFen,
    payLaterMaxFen: s.payLaterMaxFen,
  };
}
