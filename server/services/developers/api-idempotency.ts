// Idempotency-Key for every POST of the merchant API, kept in the database so that a retry reaching another server
// still finds the first response. A request first claims its key (a row without a response), runs, then stores the
// response; a replay of the same request gets that response back, a different request with the key is refused.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instant } from "@/db/dialect";
import { first, rows } from "@/db/query";
import { apiIdempotency } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";

/** A claim left without a response this long belongs to a request whose server died; a retry may take it over. */
export const ABANDONED_CLAIM_MS = 60_000;

/**
 * How long a stored response is kept for replays: 7 days, the policy's default authorization window, so a shop that
 * retries a capture at any time it could still capture gets the first answer back (webhooks retry for 24 h; Stripe
 * keeps keys 24 h). After that the job runner purges the row and the key counts as new. No money moves twice even
 * then: a refund's key is also unique on the refund itself (refunds_idempotency_uq), and a capture or a void is
 * refused by the order's state once done.
 */
export const API_IDEMPOTENCY_RETENTION_MS = 7 * 24 * 3_600_000;
/** Rows deleted per transaction by the purge: a few milliseconds of lock each. */
export const IDEMPOTENCY_PURGE_BATCH = 1_000;

export type StoredResponse = { status: number; body: unknown };
export type Claim = { kind: "claimed" } | { kind: "replay"; response: StoredResponse } | { kind: "mismatch" } | { kind: "in_progress" };

type KeyRef = { storeId: number; idempotencyKey: string };
const byKey = (ref: KeyRef) => and(eq(apiIdempotency.storeId, ref.storeId), eq(apiIdempotency.idempotencyKey, ref.idempotencyKey));

export async function claimIdempotencyKey(db: Db, clock: Clock, ref: KeyRef & { requestHash: string }): Promise<Claim> {
  const now = clock.now();
  return withTransaction(db, async (tx) => {
    const inserted = await tx
      .insert(apiIdempotency)
      .values({ ...ref, createdAt: now })
      .onConflictDoNothing()
      .returning({ storeId: apiIdempotency.storeId });
    if (inserted.length > 0) return { kind: "claimed" };
    const earlier = (await first(tx.select().from(apiIdempotency).where(byKey(ref))))!;
    if (earlier.requestHash !== ref.requestHash) return { kind: "mismatch" };
    if (earlier.responseStatus !== null)
      return { kind: "replay", response: { status: earlier.responseStatus, body: JSON.parse(earlier.responseBody ?? "null") } };
    if (now.getTime() - earlier.createdAt.getTime() < ABANDONED_CLAIM_MS) return { kind: "in_progress" };
    await tx.update(apiIdempotency).set({ createdAt: now }).where(byKey(ref));
    return { kind: "claimed" };
  });
}

/** Stores the response a claimed key's request gave, for every replay to return. */
export async function completeIdempotencyKey(db: Db, ref: KeyRef & { response: StoredResponse }): Promise<void> {
  await withTransaction(db, (tx) =>
    tx
      .update(apiIdempotency)
      .set({ responseStatus: ref.response.status, responseBody: JSON.stringify(ref.response.body) })
      .where(byKey(ref)),
  );
}

/** Gives a claim up (the request failed on our side), so that a retry runs it again. */
export async function releaseIdempotencyKey(db: Db, ref: KeyRef): Promise<void> {
  await withTransaction(db, (tx) => tx.delete(apiIdempotency).where(byKey(ref)));
}

/**
 * Deletes the stored keys older than API_IDEMPOTENCY_RETENTION_MS at `now`, oldest first, `batchSize` rows per
 * transaction (through api_idempotency_created_idx) until none is left; returns how many. `hold` runs first in
 * each transaction (the job lease's renewal and fence).
 */
export async function purgeExpiredIdempotencyKeys(
  db: Db,
  now: Date,
  opts: { batchSize?: number; hold?: (tx: Db) => Promise<void> } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? IDEMPOTENCY_PURGE_BATCH;
  const cutoff = instant(new Date(now.getTime() - API_IDEMPOTENCY_RETENTION_MS));
  let purged = 0;
  for (;;) {
    const gone = await withTransaction(db, async (tx) => {
      await opts.hold?.(tx);
      return rows<{ storeId: number }>(
        tx,
        sql`DELETE FROM api_idempotency WHERE (store_id, idempotency_key) IN (
          SELECT store_id, idempotency_key FROM api_idempotency WHERE created_at < ${cutoff} ORDER BY created_at LIMIT ${batchSize})
        RETURNING store_id AS "storeId"`,
      );
    });
    purged += gone.length;
    if (gone.length < batchSize) return purged;
  }
}
