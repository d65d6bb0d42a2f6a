// `npm run db:backup [file]`: a consistent copy of the live SQLite database through SQLite's online backup API.
// PostgreSQL has its own tool for this (pg_dump).
import fs from "node:fs";
import path from "node:path";
import { closeDb, connectionOf, openDb } from "@/db/client";
import { describeDatabase } from "./database";

const db = openDb();
const connection = connectionOf(db);
if (connection.kind === "pg") {
  await closeDb(db);
  console.error(
    `This script copies SQLite databases; back up ${describeDatabase()} with pg_dump (e.g. pg_dump -Fc -f houfu.dump -d postgres://user@host:5432/db).`,
  );
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = process.argv[2] ?? path.join("data", "backups", `houfu-${stamp}.db`);
fs.mkdirSync(path.dirname(target), { recursive: true });
await connection.writer.backup(target);
await closeDb(db);
console.log(`Backed up ${connection.file} to ${target}`);
