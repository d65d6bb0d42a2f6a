// Run before `npm run dev` / `npm start`: migrate, and seed the demo data into an empty database.
import { count } from "drizzle-orm";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { databaseUrl } from "@/db/engine";
import { ensureDatabase } from "@/db/ensure-database";
import { first } from "@/db/query";
import { users } from "@/db/schema";
import { seedDemo } from "@/scripts/seed/demo";
import { systemClock } from "@/server/clock";
import { describeDatabase } from "./database";

await ensureDatabase(databaseUrl());
const db = openDb();
await migrateDb(db);
const seedIfEmpty = !process.argv.includes("--no-seed");
const { n } = (await first(db.select({ n: count() }).from(users)))!;
if (seedIfEmpty && n === 0) {
  await seedDemo(db, systemClock.now());
  console.log(`Seeded demo data into ${describeDatabase()} (password: houfu-demo-2026)`);
}
await closeDb(db);
