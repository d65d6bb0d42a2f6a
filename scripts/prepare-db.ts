// Run before `npm run dev` / `npm start`: migrate, and seed the demo data into an empty database.
import { count } from "drizzle-orm";
import { databasePath, migrateDb, openDb } from "@/db/client";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { systemClock } from "@/server/clock";

const db = openDb();
migrateDb(db);
const seedIfEmpty = !process.argv.includes("--no-seed");
const { n } = db.select({ n: count() }).from(users).get()!;
if (seedIfEmpty && n === 0) {
  await seedDemo(db, systemClock.now());
  console.log(`Seeded demo data into ${databasePath()} (password: houfu-demo-2026)`);
}
db.$client.close();
