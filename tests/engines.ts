// The engine an integration run uses: SQLite by default; PostgreSQL when HOUFU_TEST_ENGINE=pg, on the server
// TEST_DATABASE_URL names (a role that may create databases). Each test database is a copy of a migrated
// template, made once per run by tests/global-setup.ts.
import pg from "pg";

export type TestEngine = { kind: "sqlite"; dir: string; template: string } | { kind: "pg"; adminUrl: string };

export const TEMPLATE_DATABASE = "houfu_test_template";
export const TEST_DATABASE_PREFIX = "houfu_test_";

export const testDatabaseName = (pid: number, n: number) => `${TEST_DATABASE_PREFIX}${pid}_${n}`;

export function wantsPostgres(): boolean {
  return process.env.HOUFU_TEST_ENGINE === "pg";
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("HOUFU_TEST_ENGINE=pg needs TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db (a role that may create databases).");
  return url;
}

export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    testEngine: TestEngine;
  }
}
