// Watching a credit-jobs run from a test: whether it finished, and the moment it holds its lease.
import { gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { jobLeases } from "@/db/schema";

/** Whether a run has finished, kept up to date as it settles. */
export function progress(run: Promise<unknown>): { finished: boolean } {
  const state = { finished: false };
  run.then(
    () => (state.finished = true),
    () => (state.finished = true),
  );
  return state;
}

/**
 * Waits until `run` of the jobs holds its lease (it has started, and is between chunks from then on): a live lease
 * with a holder other than `previousHolder`. Returns the holder.
 */
export async function whenLeaseTaken(db: Db, run: Promise<unknown>, previousHolder?: string): Promise<string> {
  const state = progress(run);
  while (!state.finished) {
    const lease = await first(db.select({ holder: jobLeases.holder }).from(jobLeases).where(gt(jobLeases.expiresAt, new Date())).limit(1));
    if (lease && lease.holder !== previousHolder) return lease.holder;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error("The run finished before it was seen holding its lease");
}
