// `npm run db:seed [-- --force]`: replaces everything in the database (DATABASE_URL) with the demo data.
// A PostgreSQL database on another host is refused unless --force.
import { closeDb, migrateDb, openDb } from "@/db/client";
import { databaseUrl } from "@/db/engine";
import { ensureDatabase } from "@/db/ensure-database";
import { seedDemo, wipeDatabase } from "@/scripts/seed/demo";
import { systemClock } from "@/server/clock";
import { describeDatabase, refuseRemote } from "./database";

const url = databaseUrl();
refuseRemote(url, "seed");
await ensureDatabase(url);
const db = openDb(url);
await migrateDb(db);
await wipeDatabase(db);
await seedDemo(db, systemClock.now());
console.log(`Seeded demo data into ${describeDatabase(url)}. Every password: houfu-demo-2026`);
await closeDb(db);
