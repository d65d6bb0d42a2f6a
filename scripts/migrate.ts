import { closeDb, migrateDb, openDb } from "@/db/client";
import { describeDatabase } from "./database";

const db = openDb();
await migrateDb(db);
console.log(`Migrated ${describeDatabase()}`);
await closeDb(db);
