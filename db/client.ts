// The database handle the services take, on either engine. SQLite: a read-only connection for reads
// outside transactions and one writer connection that only transactions use (db/transaction.ts).
// PostgreSQL: a node-postgres pool. Services see one type, `Db`, the async query API both share.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase } from "drizzle-orm/pg-core";
import pg from "pg";
import { startBackgroundCheckpoints } from "./checkpointer";
import { databaseUrl, parseDatabaseUrl, type EngineConfig, type PgConfig } from "./engine";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";

/** A database or an open transaction on it: the async query builder both engines share. */
export type Db = PgDatabase<NodePgQueryResultHKT, typeof pgSchema>;

export const MIGRATIONS = {
  sqlite: path.join(process.cwd(), "db", "migrations", "sqlite"),
  pg: path.join(process.cwd(), "db", "migrations", "pg"),
} as const;

/** What lies under a Db: the engine's connections. */
export type Connection =
  | { kind: "sqlite"; file: string; reader: Database.Database; writer: Database.Database; writerDb: Db; lock: Mutex }
  | { kind: "pg"; pool: pg.Pool };

// Kept on the handle under a registered symbol, not in a module-local map: Next bundles instrumentation and
// routes separately, so two copies of this module can share one handle (through globalThis) in one process.
const CONNECTION = Symbol.for("houfu.db.connection");

function attach(db: Db, connection: Connection): Db {
  Object.defineProperty(db, CONNECTION, { value: connection });
  return db;
}

export function connectionOf(db: Db): Connection {
  const connection = (db as unknown as Record<symbol, Connection | undefined>)[CONNECTION];
  if (!connection) throw new Error("Not a database opened by openDb (a transaction handle has no connection of its own).");
  return connection;
}

/** Serialises the SQLite writer: one transaction at a time holds it, the others wait their turn in order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

// One writer lock per database file in this process: two handles on one file must not both hold a write
// transaction, or the second's BEGIN IMMEDIATE would block the event loop the first needs to finish.
const globalForLocks = globalThis as unknown as { houfuWriterLocks?: Map<string, Mutex> };
const writerLocks = (globalForLocks.houfuWriterLocks ??= new Map<string, Mutex>());
function writerLock(file: string): Mutex {
  if (file === ":memory:") return new Mutex();
  const key = path.resolve(file);
  let lock = writerLocks.get(key);
  if (!lock) writerLocks.set(key, (lock = new Mutex()));
  return lock;
}

// node-postgres returns bigint (COUNT, SUM) and numeric (SUM of bigint) as strings, and dates as local Date
// objects. Money sums stay far below 2^53 fen, so they are read as numbers; calendar dates stay "YYYY-MM-DD".
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

function openSqliteConnection(file: string, readonly: boolean): Database.Database {
  const sqlite = new Database(file, { readonly });
  if (!readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Every commit on the writer empties the reader's page cache; with the file memory-mapped, the reads that
  // follow cost page-table lookups instead of a read() per page.
  sqlite.pragma("mmap_size = 1073741824");
  return sqlite;
}

function openSqlite(file: string): Db {
  const inMemory = file === ":memory:";
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const writer = openSqliteConnection(file, false);
  // An in-memory database has one connection, so reads share the writer (tests of pure SQL only).
  const reader = inMemory ? writer : openSqliteConnection(file, true);
  const db = drizzleSqlite(reader, { schema: sqliteSchema }) as unknown as Db;
  const writerDb = drizzleSqlite(writer, { schema: sqliteSchema }) as unknown as Db;
  return attach(db, { kind: "sqlite", file, reader, writer, writerDb, lock: writerLock(file) });
}

function openPg(config: PgConfig): Db {
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolSize,
    statement_timeout: config.statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client whose server went away: the pool drops it and makes a new one on demand.
  pool.on("error", (error) => console.error(`PostgreSQL pool: ${error.message}`));
  const db = drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
  return attach(db, { kind: "pg", pool });
}

/** Opens the database a URL names (default: this process's DATABASE_URL). */
export function openDb(url: string | EngineConfig = databaseUrl()): Db {
  const config = typeof url === "string" ? parseDatabaseUrl(url) : url;
  return config.kind === "sqlite" ? openSqlite(config.file) : openPg(config);
}

export async function closeDb(db: Db): Promise<void> {
  const connection = connectionOf(db);
  if (connection.kind === "pg") return connection.pool.end();
  if (connection.reader !== connection.writer) connection.reader.close();
  connection.writer.close();
}

/** Applies the committed migrations of the database's engine. */
export async function migrateDb(db: Db): Promise<void> {
  const connection = connectionOf(db);
  if (connection.kind === "sqlite") {
    const release = await connection.lock.acquire();
    try {
      migrateSqlite(connection.writerDb as never, { migrationsFolder: MIGRATIONS.sqlite });
    } finally {
      release();
    }
    return;
  }
  // Two servers starting at once must not both run the DDL: a session lock around the migrator (a convenience
  // for start-up only; no money rule depends on it).
  const client = await connection.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('houfu-migrations'))");
    await migratePg(drizzlePg(client) as never, { migrationsFolder: MIGRATIONS.pg });
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('houfu-migrations'))").catch(() => undefined);
    client.release();
  }
}

const globalForDb = globalThis as unknown as { houfuDb?: Db };

/**
 * The app's database (reused across hot reloads in development). On SQLite its WAL is checkpointed by a worker
 * thread (db/checkpointer.ts), so commits on the request thread never stop to copy pages and fsync; the
 * auto-checkpoint stays on, higher, in case the worker cannot keep up.
 */
export function getDb(): Db {
  if (!globalForDb.houfuDb) {
    const db = openDb();
    const connection = connectionOf(db);
    if (connection.kind === "sqlite" && connection.file !== ":memory:") {
      connection.writer.pragma("wal_autocheckpoint = 20000");
      startBackgroundCheckpoints(connection.file, (message) => console.error(`WAL checkpointer: ${message}`));
    }
    globalForDb.houfuDb = db;
  }
  return globalForDb.houfuDb;
}

/** Closes the app's database, if open (graceful shutdown). */
export async function closeAppDb(): Promise<void> {
  const db = globalForDb.houfuDb;
  globalForDb.houfuDb = undefined;
  if (db) await closeDb(db);
}
