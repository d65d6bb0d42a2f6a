import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { apiKeys } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";

/** Revokes one of the store's keys at once (requests with it answer 401 from now on); revoking twice is a no-op. */
export async function revokeApiKey(db: Db, clock: Clock, input: { storeId: number; actor: Actor; keyId: number }) {
  return withTransaction(db, async (tx) => {
    const key = await first(
      tx
        .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.storeId, input.storeId))),
    );
    if (!key) throw new DomainError("NOT_FOUND", "No such key in this store.");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const now = clock.now();
    await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: key.id,
      before: { name: key.name, prefix: key.prefix },
      at: now,
    });
    return { id: key.id, revokedAt: now };
  });
}
