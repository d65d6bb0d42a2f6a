import { Cron } from "croner";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { runCreditJobs } from "./run-credit-jobs";

const globalForJobs = globalThis as unknown as { houfuCreditJobs?: Cron };

async function runNow(): Promise<void> {
  try {
    const report = await runCreditJobs(getDb(), systemClock.now());
    if (!report.skipped && (report.markedOverdue || report.suspended || report.reinstated || report.reminders))
      console.info(`[credit-jobs] ${report.today}: ${report.markedOverdue} overdue, ${report.suspended} suspended, ${report.reinstated} reinstated, ${report.reminders} reminders`);
  } catch (error) {
    console.error("[credit-jobs] failed", error);
  }
}

/** Hourly, plus once now; started once per process (hot reloads reuse it). */
export function startCreditJobSchedule(): void {
  if (globalForJobs.houfuCreditJobs) return;
  globalForJobs.houfuCreditJobs = new Cron("5 * * * *", { protect: true }, runNow);
  void runNow();
}
