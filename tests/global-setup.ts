// Once per integration run: a migrated template database for the run's engine; afterwards, the copies go.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { randomBytes } from "node:crypto";
import { templateDatabase, TEST_DATABASE_PREFIX, testDatabaseUrl, wantsPostgres, withDatabase, type TestEngine } from "./engines";

export default async function setup(project: TestProject) {
  let engine: TestEngine;
  if (wantsPostgres()) {
    const adminUrl = testDatabaseUrl();
    const run = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
    await withDatabase(adminUrl, async (client) => {
      // Byte-order collation, as SQLite sorts text (db/ensure-database.ts makes app databases the same way).
      await client.query(`CREATE DATABASE ${templateDatabase(run)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    });
    const url = new URL(adminUrl);
    url.pathname = `/${templateDatabase(run)}`;
    const db = openDb(url.toString());
    await migrateDb(db);
    await closeDb(db);
    engine = { kind: "pg", adminUrl, run };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "houfu-tests-"));
    const template = path.join(dir, "template.db");
    const db = openDb(`file:${template}`);
    await migrateDb(db);
    await closeDb(db);
    engine = { kind: "sqlite", dir, template };
  }
  project.provide("testEngine", engine);

  return async () => {
    if (engine.kind === "sqlite") fs.rmSync(engine.dir, { recursive: true, force: true });
    else {
      const run = engine.run;
      await withDatabase(engine.adminUrl, (client) => dropRunDatabases(client, run));
    }
  };
}

/** This run's databases, its template last. */
async function dropRunDatabases(client: import("pg").Client, run: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${TEST_DATABASE_PREFIX}${run}_%`,
  ]);
  rows.sort((a, b) => Number(a.datname === templateDatabase(run)) - Number(b.datname === templateDatabase(run)));
  for (const { datname } of rows) {
    // A server process of another role (autovacuum) may still be in one: it is left for the next run's check.
    await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch((error: Error) => console.warn(`left ${datname}: ${error.message}`));
  }
}
