import { databasePath, migrateDb, openDb } from "@/db/client";

const db = openDb();
migrateDb(db);
console.log(`Migrated ${databasePath()}`);
db.$client.close();
