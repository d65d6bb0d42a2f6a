import { Cron } from "croner";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { logger } from "@/server/log";
import { runCreditJobs } from "./run-credit-jobs";

const globalForJobs = globalThis as unknown as { houfuCreditJobs?: Cron };

async function runNow(): Promise<void> {
  try {
    const report = await runCreditJobs(getDb(), systemClock.now());
    logger.info({ job: "credit-jobs", ...report }, report.skipped ? "credit jobs skipped: another run holds the lease" : "credit jobs ran");
  } catch (error) {
    logger.error({ job: "credit-jobs", err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "credit jobs failed");
  }
}

/** Hourly, plus once now; started once per process (hot reloads reuse it). */
export function startCreditJobSchedule(): void {
  if (globalForJobs.houfuCreditJobs) return;
  globalForJobs.houfuCreditJobs = new Cron("5 * * * *", { protect: true }, runNow);
  void runNow();
}
