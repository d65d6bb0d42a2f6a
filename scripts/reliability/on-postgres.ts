// `npm run test:reliability:pg`: the load and crash scripts, small, with two servers on PostgreSQL, then the
// database outage and graceful shutdown (scripts/reliability/outage.ts): the database <test database>_reliability
// on the server TEST_DATABASE_URL names (created if missing, emptied by the scripts).
import { spawnSync } from "node:child_process";
import { ensureDatabase } from "@/db/ensure-database";

const admin = process.env.TEST_DATABASE_URL;
if (!admin) {
  console.error("test:reliability:pg needs TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db (a role that may create databases).");
  process.exit(1);
}
// Named after the test database, so each role's runs have a database of their own (created by that role).
const url = new URL(admin);
url.pathname = `/${decodeURIComponent(url.pathname.slice(1)) || "houfu"}_reliability`;
await ensureDatabase(url.toString());
const runs: [string, string[]][] = [
  ["scripts/load.ts", ["--servers", "2", "--port", "3321"]],
  ["scripts/crash.ts", ["--servers", "2", "--rounds", "2", "--port", "3323"]],
  ["scripts/reliability/outage.ts", ["--port", "3325"]],
];
for (const [script, args] of runs) {
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url.toString() },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
