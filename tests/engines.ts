// The engine an integration run uses: SQLite by default; PostgreSQL when HOUFU_TEST_ENGINE=pg, on the server
// TEST_DATABASE_URL names (a role that may create databases). Each test database is a copy of a migrated
// template, made once per run by tests/global-setup.ts.
import pg from "pg";

export type TestEngine = { kind: "sqlite"; dir: string; template: string } | { kind: "pg"; adminUrl: string; run: string };

// Each run's databases carry its own name, so two runs on one server (two checkouts, CI beside a developer) never
// drop each other's: houfu_test_<run>_template, then houfu_test_<run>_<pid>_<n> per test.
export const TEST_DATABASE_PREFIX = "houfu_test_";
export const templateDatabase = (run: string) => `${TEST_DATABASE_PREFIX}${run}_template`;
export const testDatabaseName = (run: string, pid: number, n: number) => `${TEST_DATABASE_PREFIX}${run}_${pid}_${n}`;

export function wantsPostgres(): boolean {
  return process.env.HOUFU_TEST_ENGINE === "pg";
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("HOUFU_TEST_ENGINE=pg needs TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db (a role that may create databases).");
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
