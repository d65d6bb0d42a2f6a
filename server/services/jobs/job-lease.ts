// A lease row lets one run of a job proceed at a time, across connections, processes and servers. The holder
// renews it inside each chunk's own transaction (holdLease), which doubles as the fence: once another run has
// taken an expired lease over, the first holder's next chunk finds the row no longer its own and rolls back, so
// no chunk of a run that lost its lease ever commits. A run killed mid-way frees the lease within LEASE_MS.
import { randomUUID } from "node:crypto";
import { and, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { jobLeases } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

/** How long a lease lasts from its last renewal before another run may take it over (a crashed run's expires). */
export const LEASE_MS = 60_000;

/** A run's lease was taken over by another run: it must stop, and the chunk in hand is rolled back. */
export class LeaseLost extends Error {
  constructor(name: string) {
    super(`The ${name} lease was taken over by another run.`);
  }
}

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
        .onConflictDoUpdate({
          target: jobLeases.name,
          set: { holder, expiresAt: new Date(now + LEASE_MS) },
          setWhere: lte(jobLeases.expiresAt, new Date(now)),
        })
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

/**
 * Inside a transaction: renews the lease while the row still names `holder` (even if it lapsed: nobody took it
 * over), else throws LeaseLost, rolling the transaction back. On PostgreSQL a concurrent takeover conflicts with
 * this update, so one of the two is retried and then sees the other's outcome.
 */
export async function holdLease(tx: Db, name: string, holder: string): Promise<void> {
  const now = wallNow();
  const renewed = await first(
    tx
      .update(jobLeases)
      .set({ expiresAt: new Date(now + LEASE_MS) })
      .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)))
      .returning({ name: jobLeases.name }),
  );
  if (!renewed) throw new LeaseLost(name);
}
