// Once per integration run: a migrated template database for the run's engine; afterwards, the copies go.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, testDatabaseUrl, wantsPostgres, withDatabase, type TestEngine } from "./engines";

export default async function setup(project: TestProject) {
  let engine: TestEngine;
  if (wantsPostgres()) {
    const adminUrl = testDatabaseUrl();
    await withDatabase(adminUrl, async (client) => {
      await dropTestDatabases(client);
      // Byte-order collation, as SQLite sorts text (db/ensure-database.ts makes app databases the same way).
      await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    });
    const url = new URL(adminUrl);
    url.pathname = `/${TEMPLATE_DATABASE}`;
    const db = openDb(url.toString());
    await migrateDb(db);
    await closeDb(db);
    engine = { kind: "pg", adminUrl };
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
    else await withDatabase(engine.adminUrl, dropTestDatabases);
  };
}

async function dropTestDatabases(client: import("pg").Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DATABASE_PREFIX}%'`);
  // Children first: a template cannot be dropped while it is a template in use.
  rows.sort((a, b) => Number(a.datname === TEMPLATE_DATABASE) - Number(b.datname === TEMPLATE_DATABASE));
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
}
