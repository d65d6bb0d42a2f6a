import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { apiRateLimits } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { admitRequest, API_RATE_LIMIT, type Admission, type RateLimit } from "@/server/domain/api-rate-limit";

/** Counts one request of the key in the shared window (read and upsert in one transaction), or refuses it. */
export async function admitApiRequest(db: Db, clock: Clock, keyId: number, limit: RateLimit = API_RATE_LIMIT): Promise<Admission> {
  return withTransaction(db, async (tx) => {
    const current = await first(
      tx
        .select({ windowStart: apiRateLimits.windowStart, requests: apiRateLimits.requests })
        .from(apiRateLimits)
        .where(eq(apiRateLimits.keyId, keyId)),
    );
    const admission = admitRequest(current, clock.now(), limit);
    if (admission.admitted)
      await tx
        .insert(apiRateLimits)
        .values({ keyId, ...admission.next })
        .onConflictDoUpdate({ target: apiRateLimits.keyId, set: { ...admission.next } });
    return admission;
  });
}
