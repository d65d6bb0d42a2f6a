// Graceful shutdown. On SIGTERM Next stops accepting connections, lets in-flight requests finish, then calls
// process.exit. Meanwhile this server reports itself draining (health 503), stops scheduling credit jobs, and,
// once Next exits, closes the database (the PostgreSQL pool ends its sessions cleanly) before the process goes.
import { closeAppDb } from "@/db/client";
import { logger } from "@/server/log";
import { stopCreditJobSchedule } from "@/server/services/jobs/schedule";
import { stopWebhookDeliverySchedule } from "@/server/services/webhooks/schedule";

const globalForShutdown = globalThis as unknown as { houfuDraining?: boolean; houfuShutdownHooked?: boolean };

export const isDraining = () => globalForShutdown.houfuDraining === true;

/** How long closing the database may delay the exit. */
const CLOSE_DEADLINE_MS = 5_000;

export function handleShutdown(): void {
  if (globalForShutdown.houfuShutdownHooked) return;
  globalForShutdown.houfuShutdownHooked = true;
  process.once("SIGTERM", () => {
    globalForShutdown.houfuDraining = true;
    stopCreditJobSchedule();
    stopWebhookDeliverySchedule();
    logger.info("SIGTERM: draining; in-flight requests finish before the database closes");
  });
  // Next's own SIGTERM handler ends with process.exit once its server has closed: the pool closes first. (No
  // `exit` event will do: it cannot wait for the pool's goodbye to the server.)
  const exit = process.exit.bind(process);
  process.exit = ((code?: number) => {
    if (!isDraining()) return exit(code);
    const deadline = setTimeout(() => {
      logger.error("closing the database timed out");
      exit(code);
    }, CLOSE_DEADLINE_MS);
    void closeAppDb()
      .then(() => logger.info("database closed"))
      .catch((error: unknown) => logger.error({ err: String(error) }, "closing the database failed"))
      .finally(() => {
        clearTimeout(deadline);
        exit(code);
      });
  }) as typeof process.exit;
}
