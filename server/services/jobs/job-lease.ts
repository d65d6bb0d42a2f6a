// A lease row lets one run of a job proceed at a time, across connections and processes.
import { randomUUID } from "node:crypto";
import { and, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { jobLeases } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

/** How long a run may hold the lease before another may take it over (a crashed run's lease expires). */
export const LEASE_MS = 10 * 60_000;

// Leases expire by the wall clock, not the business clock: `--at` may be any day, the lock is about now.
const wallNow = () => Date.now();

/** Takes the lease unless another run holds it unexpired (one upsert: a new row, or the expired one taken over). */
export async function acquireLease(db: Db, name: string): Promise<string | null> {
  const holder = randomUUID();
  return withTransaction(db, async (tx) => {
    const now = wallNow();
    const taken = await first(
      tx
        .insert(jobLeases)
        .values({ name, holder, expiresAt: new Date(now + LEASE_MS) })
        .onConflictDoUpdate({ target: jobLeases.name, set: { holder, expiresAt: new Date(now + LEASE_MS) }, setWhere: lte(jobLeases.expiresAt, new Date(now)) })
        .returning({ holder: jobLeases.holder }),
    );
    return taken ? holder : null;
  });
}

export async function releaseLease(db: Db, name: string, holder: string, ranAt: Date): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx
      .update(jobLeases)
      .set({ expiresAt: new Date(0), lastRunAt: ranAt })
      .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
  });
}
