// The one transaction port: `withTransaction(db, async (tx) => …)` on either engine.
// - SQLite: BEGIN IMMEDIATE on the writer connection, which only a transaction holding the async mutex may
//   touch, so no other request's statements can run inside it; reads elsewhere use the read connection.
// - PostgreSQL: a SERIALIZABLE transaction from the pool, run again (a bounded number of times, with jittered
//   backoff) when the server reports a serialization failure (40001) or a deadlock (40P01). The body may
//   therefore run more than once: it must do nothing outside the database (no payment provider calls).
//   A hot path whose rules read only rows it first locks (SELECT … FOR UPDATE, db/dialect.ts forUpdate) may ask
//   for READ COMMITTED instead: concurrent writers then wait for each other's locks rather than abort, which
//   keeps counters such as receivable_days from turning every concurrent checkout into a retry.
import type Database from "better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { connectionOf, type Db } from "./client";
import * as pgSchema from "./schema/pg";

// Marks a handle while its transaction is open (a registered symbol, for the reason given in db/client.ts).
const OPEN = Symbol.for("houfu.db.transactionOpen");
const open = {
  has: (db: object) => (db as Record<symbol, boolean | undefined>)[OPEN] === true,
  add: (db: object) => void ((db as Record<symbol, boolean>)[OPEN] = true),
  delete: (db: object) => void ((db as Record<symbol, boolean>)[OPEN] = false),
};

export const MAX_ATTEMPTS = 20;

export type TransactionOptions = { maxAttempts?: number; isolation?: "serializable" | "read committed" };

/** Whether `db` is a handle inside an open transaction (a nested call joins it). */
export const inTransaction = (db: Db) => open.has(db);

export async function withTransaction<T>(db: Db, body: (tx: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (open.has(db)) return body(db);
  const connection = connectionOf(db);
  if (connection.kind === "sqlite") {
    const release = await connection.lock.acquire();
    const { writer, writerDb } = connection;
    const control = controlStatements(writer);
    try {
      control.begin.run();
      open.add(writerDb);
      try {
        const result = await body(writerDb);
        control.commit.run();
        return result;
      } catch (error) {
        if (writer.inTransaction) control.rollback.run();
        throw error;
      } finally {
        open.delete(writerDb);
      }
    } finally {
      release();
    }
  }

  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const begin = options.isolation === "read committed" ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL SERIALIZABLE";
  for (let attempt = 1; ; attempt++) {
    try {
      return await pgTransaction(connection.pool, begin, body);
    } catch (error) {
      if (!isRetryable(error) || attempt >= maxAttempts) throw error;
      await sleep(backoffMs(attempt));
    }
  }
}

/**
 * Runs reads that follow this process's own writes (a credit job's scans between its chunks). SQLite: on the
 * writer connection, holding its lock for the reads' duration, because every commit empties the read connection's
 * page cache while the writer's survives its own commits. Reads only: the body must not open a transaction.
 * PostgreSQL: on the pool, as any read.
 */
export async function withWriterReads<T>(db: Db, body: (db: Db) => Promise<T>): Promise<T> {
  if (open.has(db)) return body(db);
  const connection = connectionOf(db);
  if (connection.kind !== "sqlite") return body(db);
  const release = await connection.lock.acquire();
  try {
    return await body(connection.writerDb);
  } finally {
    release();
  }
}

// BEGIN, COMMIT and ROLLBACK compiled once per writer connection (as better-sqlite3's own transactions do), not
// parsed again on every checkout.
const controls = new WeakMap<Database.Database, Record<"begin" | "commit" | "rollback", Database.Statement>>();
function controlStatements(writer: Database.Database) {
  let control = controls.get(writer);
  if (!control)
    controls.set(
      writer,
      (control = { begin: writer.prepare("BEGIN IMMEDIATE"), commit: writer.prepare("COMMIT"), rollback: writer.prepare("ROLLBACK") }),
    );
  return control;
}

// One client from the pool for the whole transaction, given back on every path. (Drizzle's own transaction
// sends BEGIN before its try block: a connection cut at that moment never went back to the pool, and a pool
// that lost all its clients that way hung every request and its own shutdown.) A client whose COMMIT or
// ROLLBACK failed is in an unknown state: it is destroyed rather than reused.
async function pgTransaction<T>(pool: pg.Pool, begin: string, body: (tx: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose connection drops emits "error"; unheard, that would end the process.
  const dropped = (error: Error) => void (broken = error);
  client.on("error", dropped);
  // A BEGIN, COMMIT or ROLLBACK that failed without the server's answer (the connection went) leaves the session
  // in doubt; one the server refused (a serialization failure at COMMIT) ended the transaction cleanly.
  const session = (statement: string) =>
    client.query(statement).catch((error: Error) => {
      if (sqlState(error) === undefined || statement === "ROLLBACK") broken = error;
      throw error;
    });
  try {
    await session(begin);
    const tx = handleOn(client);
    open.add(tx);
    try {
      const result = await body(tx);
      await session("COMMIT");
      return result;
    } catch (error) {
      if (!broken) await session("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      open.delete(tx);
    }
  } finally {
    client.off("error", dropped);
    client.release(broken ?? false);
  }
}

// A query handle bound to one pooled client, made once per client (clients are reused, the handle with them).
const handles = new WeakMap<pg.PoolClient, Db>();
function handleOn(client: pg.PoolClient): Db {
  let handle = handles.get(client);
  if (!handle) handles.set(client, (handle = drizzlePg(client, { schema: pgSchema }) as unknown as Db));
  return handle;
}

/** The SQLSTATE of a driver error, also when Drizzle wrapped it. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/**
 * Whether a failed statement broke a unique index (PostgreSQL 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE): on
 * PostgreSQL a concurrent request with the same idempotency key can commit first and make this one's insert fail.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (sqlState(error) === "23505") return true;
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++)
    if (e.code === "SQLITE_CONSTRAINT_UNIQUE") return true;
  return false;
}

const RETRYABLE = new Set(["40001", "40P01"]);
export const isRetryable = (error: unknown) => RETRYABLE.has(sqlState(error) ?? "");

/** Full jitter over an exponential ceiling: 2, 4, 8 … 250 ms. */
const backoffMs = (attempt: number) => Math.random() * Math.min(250, 2 ** attempt);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
