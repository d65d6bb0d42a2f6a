// `npm run jobs -- --at YYYY-MM-DD`: runs the credit jobs with that day (12:00 in the platform zone) as the clock; now without --at.
import { openDb, migrateDb } from "@/db/client";
import { startOfLocalDate } from "@/server/domain/dates";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { formatFen } from "@/server/domain/money";
import { systemClock } from "@/server/clock";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";

function clockFromArgs(argv: string[]): Date {
  const i = argv.indexOf("--at");
  if (i === -1) return systemClock.now();
  const date = argv[i + 1] ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    console.error("Usage: npm run jobs -- --at YYYY-MM-DD");
    process.exit(2);
  }
  return new Date(startOfLocalDate(date).getTime() + 12 * 3_600_000);
}

const at = clockFromArgs(process.argv.slice(2));
const db = openDb();
migrateDb(db);
const report = await runCreditJobs(db, at);
db.$client.close();
if (report.skipped) {
  console.log(`Credit jobs for ${report.today}: skipped, another run holds the lease.`);
} else {
  console.log(`Credit jobs for ${report.today} (clock ${at.toISOString()}):`);
  console.log(`  instalments newly overdue: ${report.markedOverdue} (late fees ${formatFen(report.lateFeesFen)})`);
  console.log(`  overdue penalties: ${report.overduePenalties}; ${LONG_OVERDUE_DAYS}-day penalties: ${report.longOverduePenalties}`);
  console.log(`  pay later suspended: ${report.suspended}; reinstated: ${report.reinstated}`);
  console.log(`  reminders sent: ${report.reminders}; receivables snapshots: ${report.snapshots}`);
}
