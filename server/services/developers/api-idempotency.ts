// Idempotency-Key for every POST of the merchant API, kept in the database so that a retry reaching another server
// still finds the first response. A request first claims its key (a row without a response), runs, then stores the
// response; a replay of the same request gets that response back, a different request with the key is refused.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { apiIdempotency } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";

/** A claim left without a response this long belongs to a request whose server died; a retry may take it over. */
export const ABANDONED_CLAIM_MS = 60_000;

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
