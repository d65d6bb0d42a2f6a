import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { startBackgroundCheckpoints } from "./checkpointer";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function databasePath(url = process.env.DATABASE_URL ?? "file:data/houfu.db"): string {
  return url.replace(/^file:/, "");
}

/** Opens SQLite with the pragmas the app relies on (WAL, foreign keys, busy timeout). */
export function openDb(file: string = databasePath()): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so a read
 * followed by a write can never be overtaken by another connection. `fn` must be
 * synchronous (better-sqlite3 transactions are).
 */
export function immediate<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: "immediate" });
}

const globalForDb = globalThis as unknown as { houfuDb?: Db };

/**
 * The app's one connection (reused across hot reloads in development). Its WAL is checkpointed by a worker
 * thread (db/checkpointer.ts), so commits on the request thread never stop to copy pages and fsync; the
 * auto-checkpoint stays on, higher, in case the worker cannot keep up.
 */
export function getDb(): Db {
  if (!globalForDb.houfuDb) {
    const file = databasePath();
    const db = openDb(file);
    if (file !== ":memory:") {
      db.$client.pragma("wal_autocheckpoint = 20000");
      startBackgroundCheckpoints(file, (message) => console.error(`WAL checkpointer: ${message}`));
    }
    globalForDb.houfuDb = db;
  }
  return globalForDb.houfuDb;
}
