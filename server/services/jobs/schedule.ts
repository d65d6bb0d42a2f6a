import { Cron } from "croner";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { env } from "@/server/env";
import { logger } from "@/server/log";
import { runCreditJobs } from "./run-credit-jobs";

const globalForJobs = globalThis as unknown as { houfuCreditJobs?: Cron };

async function runNow(): Promise<void> {
  try {
    const report = await runCreditJobs(getDb(), systemClock.now());
    const outcome = report.skipped
      ? "credit jobs skipped: another run holds the lease"
      : report.fenced
        ? "credit jobs fenced: another run took the lease over"
        : "credit jobs ran";
    logger.info({ job: "credit-jobs", ...report }, outcome);
  } catch (error) {
    logger.error(
      { job: "credit-jobs", err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
      "credit jobs failed",
    );
  }
}

/**
 * Hourly (or every HOUFU_CREDIT_JOBS_EVERY_S seconds, which the multi-server load test uses), plus once now;
 * started once per process (hot reloads reuse it). Every server may run it: the lease lets one run at a time.
 */
export function startCreditJobSchedule(): void {
  if (globalForJobs.houfuCreditJobs) return;
  const everySeconds = env.HOUFU_CREDIT_JOBS_EVERY_S;
  globalForJobs.houfuCreditJobs = everySeconds
    ? new Cron("* * * * * *", { protect: true, interval: everySeconds }, runNow)
    : new Cron("5 * * * *", { protect: true }, runNow);
  void runNow();
}

/** Stops the schedule (graceful shutdown); a run in progress finishes its chunk, the lease lapses if it stops. */
export function stopCreditJobSchedule(): void {
  globalForJobs.houfuCreditJobs?.stop();
  globalForJobs.houfuCreditJobs = undefined;
}
