// The one loop shape of the credit jobs: ids found by a read, then written a chunk at a time, each chunk in
// its own immediate transaction (which re-checks everything), yielding between chunks so that checkout and
// a concurrent run get the lock. Keeps the longest time the write lock was held, for the bench.
import { immediate, type Db } from "@/db/client";

/** Lets another run (or request) in between chunks. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export type LockTimer = { longestMs: number };

/** Runs `write` in an immediate transaction, noting how long it held the write lock. */
export function timedImmediate<T>(db: Db, timer: LockTimer, write: (tx: Db) => T): T {
  const start = performance.now();
  try {
    return immediate(db, write);
  } finally {
    timer.longestMs = Math.max(timer.longestMs, performance.now() - start);
  }
}

/** Calls `write` for consecutive chunks of `ids` (at most `size` each), one immediate transaction per chunk. */
export async function writeInChunks(
  db: Db,
  ids: readonly number[],
  size: number,
  timer: LockTimer,
  write: (tx: Db, chunk: number[]) => void,
): Promise<void> {
  for (let from = 0; from < ids.length; from += size) {
    const chunk = ids.slice(from, from + size);
    timedImmediate(db, timer, (tx) => write(tx, chunk));
    await pause();
  }
}

// Runs on one connection that are in a deferred-checkpoint section, and the setting to restore after the last.
const deferring = new WeakMap<object, { runs: number; autoCheckpoint: number }>();

/**
 * Runs `work` with automatic checkpoints off on this connection, then checkpoints once (passively: it copies
 * what it can without waiting for or blocking anyone). Each automatic checkpoint writes the last chunk's pages
 * into the database file and syncs it, while consecutive chunks touch many of the same pages again.
 */
export async function withOneCheckpoint<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const client = db.$client;
  const state = deferring.get(client) ?? { runs: 0, autoCheckpoint: client.pragma("wal_autocheckpoint", { simple: true }) as number };
  state.runs += 1;
  deferring.set(client, state);
  client.pragma("wal_autocheckpoint = 0");
  try {
    return await work();
  } finally {
    state.runs -= 1;
    if (state.runs === 0) {
      deferring.delete(client);
      client.pragma(`wal_autocheckpoint = ${state.autoCheckpoint}`);
      client.pragma("wal_checkpoint(PASSIVE)");
    }
  }
}
