// Webhook deliveries inside the server: every HOUFU_WEBHOOKS_EVERY_S seconds (default 10), and at once for a delivery
// a merchant just asked for (Send test event, Redeliver). Every server may run them: claims keep each attempt to one.
import { Cron } from "croner";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { env } from "@/server/env";
import { logger } from "@/server/log";
import { deliverWebhooks, type DeliveryOptions } from "./deliver-webhooks";

const globalForWebhooks = globalThis as unknown as { houfuWebhooks?: Cron };

async function runNow(options: DeliveryOptions = {}): Promise<void> {
  try {
    const report = await deliverWebhooks(getDb(), systemClock, options);
    if (report.claimed > 0 || report.purged > 0) logger.info({ job: "webhooks", ...report }, "webhook deliveries ran");
  } catch (error) {
    logger.error(
      { job: "webhooks", err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
      "webhook deliveries failed",
    );
  }
}

export function startWebhookDeliverySchedule(): void {
  if (globalForWebhooks.houfuWebhooks) return;
  globalForWebhooks.houfuWebhooks = new Cron("* * * * * *", { protect: true, interval: env.HOUFU_WEBHOOKS_EVERY_S }, () => runNow());
}

export function stopWebhookDeliverySchedule(): void {
  globalForWebhooks.houfuWebhooks?.stop();
  globalForWebhooks.houfuWebhooks = undefined;
}

/** Sends these deliveries now, in the background, where this process runs the schedule (a no-op elsewhere, e.g. tests). */
export function deliverSoon(deliveryIds: readonly number[]): void {
  if (!globalForWebhooks.houfuWebhooks) return;
  void runNow({ onlyIds: deliveryIds });
}
