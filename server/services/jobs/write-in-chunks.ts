// The one loop shape of the credit jobs: ids found by a read, then written a chunk at a time, each chunk in
// its own transaction (which re-checks everything), yielding between chunks so that checkout and a
// concurrent run get the lock. Keeps the longest time a write transaction took, for the bench.
import { connectionOf, type Db } from "@/db/client";
import { withTransaction } from "@/db/transaction";

/** Lets another run (or request) in between chunks. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export type LockTimer = { longestMs: number };

/**
 * Runs `write` in a transaction, noting how long it took from asking for the write lock (SQLite) or opening
 * the transaction (PostgreSQL, with any retries) to its commit.
 */
export async function timedTransaction<T>(db: Db, timer: LockTimer, write: (tx: Db) => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await withTransaction(db, write);
  } finally {
    timer.longestMs = Math.max(timer.longestMs, performance.now() - start);
  }
}

export type ChunkOptions<T> = {
  /** Runs first in every chunk's transaction (the job lease's renewal and fence): when it throws, that chunk
   *  writes nothing and the loop ends. */
  hold?: (tx: Db) => Promise<void>;
  /** Told what each chunk's `write` returned, once that chunk committed (and only then). */
  committed?: (result: T) => void;
};

/**
 * Calls `write` for consecutive chunks of `ids` (at most `size` each), one transaction per chunk. On PostgreSQL a
 * chunk's transaction may run again, so `write` returns its counts and `committed` adds them up: what a run
 * reports is exactly what it committed, even when it stops part-way.
 */
export async function writeInChunks<T>(
  db: Db,
  ids: readonly number[],
  size: number,
  timer: LockTimer,
  write: (tx: Db, chunk: number[]) => Promise<T>,
  options: ChunkOptions<T> = {},
): Promise<void> {
  for (let from = 0; from < ids.length; from += size) {
    const chunk = ids.slice(from, from + size);
    const result = await timedTransaction(db, timer, async (tx) => {
      await options.hold?.(tx);
      return write(tx, chunk);
    });
    options.committed?.(result);
    await pause();
  }
}

// Runs on one connection that are in a deferred-checkpoint section, and the setting to restore after the last.
const deferring = new WeakMap<object, { runs: number; autoCheckpoint: number }>();

/**
 * Runs `work` with automatic checkpoints off on the SQLite writer connection, then checkpoints once (passively:
 * it copies what it can without waiting for or blocking anyone). Each automatic checkpoint writes the last
 * chunk's pages into the database file and syncs it, while consecutive chunks touch many of the same pages
 * again. PostgreSQL has no such setting per connection: there it just runs `work`.
 */
export async function withOneCheckpoint<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  if (connection.kind !== "sqlite") return work();
  const { writer: client, lock } = connection;
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
      // Another request's transaction may have the writer open now: checkpoint between transactions.
      const release = await lock.acquire();
      try {
        client.pragma("wal_checkpoint(PASSIVE)");
      } finally {
        release();
      }
    }
  }
}
