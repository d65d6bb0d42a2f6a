import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";

/** A store's keys, newest first (active and revoked; never the secret or its hash). A store holds a handful. */
export async function listApiKeys(db: Db, storeId: number) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.storeId, storeId))
    .orderBy(desc(apiKeys.id))
    .limit(100);
}
