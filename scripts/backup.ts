// `npm run db:backup [file]`: a consistent copy of the live database through SQLite's online backup API.
import fs from "node:fs";
import path from "node:path";
import { databasePath, openDb } from "@/db/client";

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = process.argv[2] ?? path.join("data", "backups", `houfu-${stamp}.db`);
fs.mkdirSync(path.dirname(target), { recursive: true });
const db = openDb(databasePath());
await db.$client.backup(target);
db.$client.close();
console.log(`Backed up ${databasePath()} to ${target}`);
