// `npm run db:seed`: replaces everything in the local database with the demo data.
import { databasePath, migrateDb, openDb } from "@/db/client";
import { seedDemo, wipeDatabase } from "@/db/seed";
import { systemClock } from "@/server/clock";

const file = databasePath();
if (/^[a-z]+:\/\//i.test(process.env.DATABASE_URL ?? "")) {
  console.error("Refusing to seed a non-local database.");
  process.exit(1);
}
const db = openDb(file);
migrateDb(db);
wipeDatabase(db);
await seedDemo(db, systemClock.now());
console.log(`Seeded demo data into ${file}. Every password: houfu-demo-2026`);
db.$client.close();
