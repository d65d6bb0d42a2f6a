// Test helpers: a fresh migrated database per test, the demo seed at a fixed time, and a caller for any role.
import { eq } from "drizzle-orm";
import { migrateDb, openDb, type Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { fixedClock, type MovableClock } from "@/server/clock";

/** 2026-11-25 10:00 in Shanghai. */
export const SEED_NOW = new Date("2026-11-25T02:00:00Z");

export function freshDb(): Db {
  const db = openDb(":memory:");
  migrateDb(db);
  return db;
}

export async function seededDb(at: Date = SEED_NOW): Promise<{ db: Db; clock: MovableClock }> {
  const db = freshDb();
  await seedDemo(db, at);
  return { db, clock: fixedClock(at) };
}

export function userId(db: Db, email: string): number {
  const row = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

/** A tRPC caller signed in as `email` (or anonymous with null), going through every guard. */
export function callerAs(db: Db, clock: MovableClock, email: string | null) {
  if (email === null) return createCaller(createContext({ db, clock, user: null }));
  const row = db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`No user ${email}`);
  return createCaller(createContext({ db, clock, user: { id: row.id, role: row.role as Role, email } }));
}
