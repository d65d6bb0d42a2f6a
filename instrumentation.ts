// Node runtime only, never during a build: each request stamped with its client address (forwarded headers are
// believed only from TRUSTED_PROXIES, server/auth/client-address.ts), graceful shutdown (server/shutdown.ts), and
// the webhook deliveries every HOUFU_WEBHOOKS_EVERY_S seconds (HOUFU_WEBHOOKS=off leaves them to `npm run jobs`) and
// the credit jobs inside the server, once at start-up, then hourly. HOUFU_CREDIT_JOBS=off leaves them to
// `npm run jobs` (an external cron) — the HTTP benchmark uses it so that a catch-up run over a large database does
// not share the event loop with the requests it measures.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installForwardingStamp } = await import("./server/auth/install-forwarding");
  installForwardingStamp();
  const { handleShutdown } = await import("./server/shutdown");
  handleShutdown();
  const { env } = await import("./server/env");
  if (env.HOUFU_WEBHOOKS === "on") {
    const { startWebhookDeliverySchedule } = await import("./server/services/webhooks/schedule");
    startWebhookDeliverySchedule();
  }
  if (env.HOUFU_CREDIT_JOBS === "off") return;
  const { startCreditJobSchedule } = await import("./server/services/jobs/schedule");
  startCreditJobSchedule();
}
