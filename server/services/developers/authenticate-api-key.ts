import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { apiKeys, stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { looksLikeApiKey } from "@/server/domain/api-keys";
import { hashApiKeySecret, sameSecretHash } from "./api-key-secret";

/** "Last used" is a hint for the merchant, not an audit trail: a busy key writes it at most once a minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiCaller = { keyId: number; storeId: number; ownerUserId: number; storeActive: boolean };

/** The store an unrevoked secret key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: Db, clock: Clock, secret: string): Promise<ApiCaller | null> {
  if (!looksLikeApiKey(secret)) return null;
  const presentedHash = hashApiKeySecret(secret);
  const key = await first(
    db
      .select({
        id: apiKeys.id,
        storeId: apiKeys.storeId,
        ownerUserId: stores.ownerUserId,
        storeActive: stores.active,
        secretHash: apiKeys.secretHash,
        revokedAt: apiKeys.revokedAt,
        lastUsedAt: apiKeys.lastUsedAt,
      })
      .from(apiKeys)
      .innerJoin(stores, eq(stores.id, apiKeys.storeId))
      .where(eq(apiKeys.secretHash, presentedHash)),
  );
  if (!key || key.revokedAt || !sameSecretHash(presentedHash, key.secretHash)) return null;
  const now = clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await withTransaction(db, (tx) =>
      tx
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(
          and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))),
        ),
    );
  return { keyId: key.id, storeId: key.storeId, ownerUserId: key.ownerUserId, storeActive: key.storeActive };
}
