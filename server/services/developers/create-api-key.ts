import { and, count, eq, isNull, sql } from "drizzle-orm";
import { forUpdate } from "@/db/dialect";
import type { Db } from "@/db/client";
import { first, rows } from "@/db/query";
import { apiKeys } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { displayPrefix, MAX_ACTIVE_API_KEYS } from "@/server/domain/api-keys";
import { DomainError } from "@/server/domain/errors";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { hashApiKeySecret, newApiKeySecret } from "./api-key-secret";

/**
 * Makes a secret key for the store and returns its secret: the only time anyone sees it.
 * The store row is locked first, so two concurrent creations cannot both pass the active-key cap.
 */
export async function createApiKey(db: Db, clock: Clock, input: { storeId: number; actor: Actor; name: string; secret?: string }) {
  const secret = input.secret ?? newApiKeySecret();
  return withTransaction(db, async (tx) => {
    await rows(tx, sql`SELECT id FROM stores WHERE id = ${input.storeId}${forUpdate()}`);
    const active = await first(
      tx
        .select({ n: count() })
        .from(apiKeys)
        .where(and(eq(apiKeys.storeId, input.storeId), isNull(apiKeys.revokedAt))),
    );
    if ((active?.n ?? 0) >= MAX_ACTIVE_API_KEYS)
      throw new DomainError("API_KEY_LIMIT", `A store may have at most ${MAX_ACTIVE_API_KEYS} active keys. Revoke one first.`);
    const now = clock.now();
    const created = (await first(
      tx
        .insert(apiKeys)
        .values({ storeId: input.storeId, name: input.name, prefix: displayPrefix(secret), secretHash: hashApiKeySecret(secret), createdAt: now })
        .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt }),
    ))!;
    await recordAudit(tx, {
      actor: input.actor,
      action: "api_key.created",
      entityType: "api_key",
      entityId: created.id,
      after: { name: created.name, prefix: created.prefix },
      at: now,
    });
    return { ...created, secret };
  });
}
