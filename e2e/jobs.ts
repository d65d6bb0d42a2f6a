// `npm run jobs -- --at <day>` against the journeys' database, as an operator would run it beside the app.
import { execFileSync } from "node:child_process";

/** The database the app under test uses (the same choice as playwright.config.ts makes for its web server). */
function e2eDatabaseUrl(): string {
  if (process.env.E2E_ENGINE !== "pg") return process.env.E2E_DATABASE_URL ?? "file:data/e2e.db";
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/houfu_e2e_${process.env.E2E_PORT ?? 3101}`;
  return url.toString();
}

/** Runs the credit jobs for that platform day and returns what they printed. */
export function runJobs(day: string): string {
  return execFileSync("npm", ["run", "--silent", "jobs", "--", "--at", day], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 120_000,
  });
}

/** The day `days` after a "YYYY-MM-DD" day. */
export function dayAfter(day: string, days = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
