// Runs the credit jobs inside the server: once at start-up, then hourly. Node runtime only, never during a build.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startCreditJobSchedule } = await import("./server/services/jobs/schedule");
  startCreditJobSchedule();
}
