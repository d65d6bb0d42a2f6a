// `npm run db:migrate`: applies the committed migrations of DATABASE_URL's engine (creating a PostgreSQL database
// the role may create, when the server has none by that name).
import { closeDb, migrateDb, openDb } from "@/db/client";
import { databaseUrl } from "@/db/engine";
import { ensureDatabase } from "@/db/ensure-database";
import { describeDatabase } from "./database";

await ensureDatabase(databaseUrl());
const db = openDb();
await migrateDb(db);
console.log(`Migrated ${describeDatabase()}`);
await closeDb(db);
