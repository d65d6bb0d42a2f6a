// Scenario 4: the credit jobs over the large data set on a fresh copy of it, then again at once (nothing left
// to do). The jobs write, so they run on a copy: `npx tsx bench/jobs.ts [pristine.db] [copy.db]`
// (defaults data/large.pristine.db, else data/large.db, copied to data/jobs-bench.db each time).
// BENCH_AT=<ISO instant> fixes the clock (default now); BENCH_VERIFY=1 checks the invariants afterwards;
// BENCH_CHECKPOINTER=1 runs them as the server does (getDb): WAL checkpoints in the background worker thread.
// On PostgreSQL nothing is copied: the jobs run on DATABASE_URL's database (or the URL given), so point it at a
// copy of the large one (`createdb -T houfu_large houfu_jobs_bench`); BENCH_CHECKPOINTER does not apply.
import fs from "node:fs";
import os from "node:os";
import { startBackgroundCheckpoints } from "@/db/checkpointer";
import { closeDb, openDb } from "@/db/client";
import { engineKind } from "@/db/engine";
import { databaseArg, describeDatabase } from "@/scripts/database";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { ms, printTable, writeResults, type Row } from "./lib";

let source: string;
let url: string;
let file: string | null = null; // the SQLite copy
if (engineKind() === "sqlite") {
  source = process.argv[2] ?? (fs.existsSync("data/large.pristine.db") ? "data/large.pristine.db" : "data/large.db");
  file = process.argv[3] ?? "data/jobs-bench.db";
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(source, file);
  url = `file:${file}`;
} else {
  url = databaseArg(process.argv[2]);
  source = describeDatabase(url);
}

const db = openDb(url);
const asServer = file !== null && process.env.BENCH_CHECKPOINTER === "1";
const checkpointer = file !== null && asServer ? startBackgroundCheckpoints(file, (message) => console.error(`WAL checkpointer: ${message}`)) : null;
const now = process.env.BENCH_AT ? new Date(process.env.BENCH_AT) : new Date();
const time = async () => {
  const load = os.loadavg()[0]!;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = await runCreditJobs(db, now);
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, load, report };
};
const first = await time();
const second = await time();
const violations = process.env.BENCH_VERIFY ? await checkInvariants(db) : null;
const r = first.report;
const rows: Row[] = [
  {
    scenario: "jobs",
    metric: `first run${asServer ? ", as the server runs them (background checkpointer)" : ""} (marked ${r.markedOverdue}, penalties ${r.overduePenalties}+${r.longOverduePenalties}, suspended ${r.suspended}, reminders ${r.reminders}, snapshots ${r.snapshots})`,
    value: ms(first.ms),
    target: "≤ 10 s",
    met: first.ms <= 10_000,
  },
  {
    scenario: "jobs",
    metric: `first run, CPU time of the process (load average ${first.load.toFixed(1)} at start)`,
    value: ms(first.cpuMs),
    target: "—",
    met: null,
  },
  { scenario: "jobs", metric: "again immediately", value: ms(second.ms), target: "≤ 2 s", met: second.ms <= 2_000 },
  {
    scenario: "jobs",
    metric: "longest write transaction (lock held)",
    value: ms(Math.max(r.longestWriteMs, second.report.longestWriteMs)),
    target: "—",
    met: null,
  },
];
if (violations)
  rows.push({
    scenario: "jobs",
    metric: "invariants after the runs",
    value: `${violations.length} violations`,
    target: "0",
    met: violations.length === 0,
  });
printTable(rows);
console.log("steps (ms), first run:", first.report.stepsMs, "again:", second.report.stepsMs);
writeResults("jobs", rows, { database: source, at: now.toISOString(), loadAverage: first.load, reports: [first.report, second.report] });
await checkpointer?.terminate();
await closeDb(db);
