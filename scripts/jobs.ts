// `npm run jobs -- --at YYYY-MM-DD`: runs the credit jobs with that day (12:00 in the platform zone) as the clock; now without --at;
// then sends the webhook deliveries that are due now (by the real clock: --at moves the credit day, not the wire).
import { startBackgroundCheckpoints } from "@/db/checkpointer";
import { closeDb, connectionOf, migrateDb, openDb } from "@/db/client";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { formatFen } from "@/server/domain/money";
import { systemClock } from "@/server/clock";
import { jobsClockFromArgs } from "@/server/services/jobs/job-clock";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { deliverWebhooks, WEBHOOK_BATCH } from "@/server/services/webhooks/deliver-webhooks";
import { describeDatabase } from "./database";

const at = jobsClockFromArgs(process.argv.slice(2), systemClock.now());
if (!at) {
  console.error("Usage: npm run jobs -- --at YYYY-MM-DD");
  process.exit(2);
}
const db = openDb();
await migrateDb(db);
// As in the server (getDb): on SQLite the WAL is checkpointed by a worker thread while the jobs write.
const connection = connectionOf(db);
const checkpointer =
  connection.kind === "sqlite" && connection.file !== ":memory:"
    ? startBackgroundCheckpoints(connection.file, (message) => console.error(`WAL checkpointer: ${message}`))
    : null;
const report = await runCreditJobs(db, at, { now: systemClock.now() });
// Batch after batch while each comes back full, up to 20 (a backlog larger than that waits for the next run).
const webhooks = await deliverWebhooks(db, systemClock);
for (let more = webhooks.claimed === WEBHOOK_BATCH, round = 1; more && round < 20; round++) {
  const next = await deliverWebhooks(db, systemClock);
  for (const k of ["claimed", "delivered", "retrying", "failed", "purged"] as const) webhooks[k] += next[k];
  more = next.claimed === WEBHOOK_BATCH;
}
await checkpointer?.terminate();
await closeDb(db);
if (report.skipped) {
  console.log(`Credit jobs for ${report.today} on ${describeDatabase()}: skipped, another run holds the lease.`);
} else {
  console.log(`Credit jobs for ${report.today} on ${describeDatabase()} (clock ${at.toISOString()}):`);
  console.log(`  instalments newly overdue: ${report.markedOverdue} (late fees ${formatFen(report.lateFeesFen)})`);
  console.log(`  overdue penalties: ${report.overduePenalties}; ${LONG_OVERDUE_DAYS}-day penalties: ${report.longOverduePenalties}`);
  console.log(`  pay later suspended: ${report.suspended}; reinstated: ${report.reinstated}`);
  console.log(
    `  reminders sent: ${report.reminders}; receivables snapshots: ${report.snapshots}; stale sign-in counters deleted: ${report.throttlesPurged}`,
  );
  console.log(
    `  merchant API authorizations expired: ${report.expiredAuthorizations}; Idempotency-Keys past their retention deleted: ${report.idempotencyKeysPurged}`,
  );
  console.log(
    `  autopay: ${report.autopay.charged} charged (${formatFen(report.autopay.chargedFen)}), ${report.autopay.declined} declined, ${report.autopay.cancelled} with nothing left to charge`,
  );
  console.log(`  longest write transaction: ${report.longestWriteMs.toFixed(1)} ms; steps (ms): ${JSON.stringify(report.stepsMs)}`);
}
console.log(
  `Webhooks: ${webhooks.claimed} attempted, ${webhooks.delivered} delivered, ${webhooks.retrying} to retry, ${webhooks.failed} failed; ${webhooks.purged} old deliveries purged.`,
);
