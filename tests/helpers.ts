// Test helpers: a fresh migrated database per call (a SQLite file or a PostgreSQL database, by the run's
// engine), the demo seed at a fixed time, and a caller for any role.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type pg from "pg";
import { afterAll, inject } from "vitest";
import { closeDb, openDb, type Db } from "@/db/client";
import { first } from "@/db/query";
import { users, type Role } from "@/db/schema";
import { seedDemo } from "@/scripts/seed/demo";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { fixedClock, type MovableClock } from "@/server/clock";
import { templateDatabase, testDatabaseName, withDatabase } from "./engines";

/** 2026-11-25 10:00 in Shanghai. */
export const SEED_NOW = new Date("2026-11-25T02:00:00Z");

const opened: Db[] = [];
const urls = new WeakMap<Db, string>();
let created = 0;

afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => closeDb(db).catch(() => undefined)));
});

/** A fresh database with every migration applied, closed after the test file. */
export async function freshDb(): Promise<Db> {
  const url = await freshDatabaseUrl();
  const db = openDb(url);
  opened.push(db);
  urls.set(db, url);
  return db;
}

/** The URL of a database made by freshDb, for a second connection to it. */
export function databaseUrlOf(db: Db): string {
  const url = urls.get(db);
  if (!url) throw new Error("Not a database made by freshDb");
  return url;
}

/** Another handle on the same database (its own connections), closed after the test file. */
export function secondConnection(db: Db): Db {
  const other = openDb(databaseUrlOf(db));
  opened.push(other);
  return other;
}

async function freshDatabaseUrl(): Promise<string> {
  const engine = inject("testEngine");
  created += 1;
  if (engine.kind === "sqlite") {
    const file = path.join(engine.dir, `${process.pid}-${created}.db`);
    fs.copyFileSync(engine.template, file);
    return `file:${file}`;
  }
  const name = testDatabaseName(engine.run, process.pid, created);
  await withDatabase(engine.adminUrl, (client: pg.Client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(engine.run)}`));
  const url = new URL(engine.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function seededDb(at: Date = SEED_NOW): Promise<{ db: Db; clock: MovableClock }> {
  const db = await freshDb();
  await seedDemo(db, at);
  return { db, clock: fixedClock(at) };
}

export async function userId(db: Db, email: string): Promise<number> {
  const row = await first(db.select({ id: users.id }).from(users).where(eq(users.email, email)));
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

/** A tRPC caller signed in as `email` (or anonymous with null), going through every guard. */
export async function callerAs(db: Db, clock: MovableClock, email: string | null) {
  if (email === null) return createCaller(createContext({ db, clock, user: null }));
  const row = await first(db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)));
  if (!row) throw new Error(`No user ${email}`);
  return createCaller(createContext({ db, clock, user: { id: row.id, role: row.role as Role, email } }));
}
