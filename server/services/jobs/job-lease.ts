// A lease row lets one run of a job proceed at a time, across connections and processes.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { jobLeases } from "@/db/schema";

/** How long a run may hold the lease before another may take it over (a crashed run's lease expires). */
export const LEASE_MS = 10 * 60_000;

// Leases expire by the wall clock, not the business clock: `--at` may be any day, the lock is about now.
const wallNow = () => Date.now();

export function acquireLease(db: Db, name: string): string | null {
  const holder = randomUUID();
  return immediate(db, (tx) => {
    const lease = tx.select().from(jobLeases).where(eq(jobLeases.name, name)).get();
    if (lease && lease.expiresAt.getTime() > wallNow()) return null;
    const expiresAt = new Date(wallNow() + LEASE_MS);
    if (lease) tx.update(jobLeases).set({ holder, expiresAt }).where(eq(jobLeases.name, name)).run();
    else tx.insert(jobLeases).values({ name, holder, expiresAt }).run();
    return holder;
  });
}

export function releaseLease(db: Db, name: string, holder: string, ranAt: Date): void {
  immediate(db, (tx) => {
    const lease = tx.select().from(jobLeases).where(eq(jobLeases.name, name)).get();
    if (lease?.holder !== holder) return;
    tx.update(jobLeases).set({ expiresAt: new Date(0), lastRunAt: ranAt }).where(eq(jobLeases.name, name)).run();
  });
}
