// An endpoint's delivery log (newest first, keyset by id), "Redeliver" and "Send test event".
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { ownEndpoint } from "./manage-endpoints";
import { recordPing } from "./record-event";

export async function listWebhookDeliveries(db: Db, input: { storeId: number; endpointId: number; limit: number; beforeId?: number }) {
  await ownEndpoint(db, input.storeId, input.endpointId);
  const page = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookEvents.publicId,
      eventType: webhookEvents.type,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, input.endpointId), input.beforeId ? lt(webhookDeliveries.id, input.beforeId) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  const hasMore = page.length > input.limit;
  const deliveries = page.slice(0, input.limit);
  return { deliveries, nextBeforeId: hasMore ? (deliveries.at(-1)?.id ?? null) : null };
}

function assertEnabled(endpoint: { enabled: boolean }) {
  if (!endpoint.enabled) throw new DomainError("WEBHOOK_ENDPOINT_DISABLED", "This endpoint is disabled. Enable it first.");
}

/** Queues the event of one of the store's deliveries again, as a new delivery due now (same event id). */
export async function redeliverWebhook(db: Db, clock: Clock, input: { storeId: number; deliveryId: number }) {
  return withTransaction(db, async (tx) => {
    const found = await first(
      tx
        .select({ endpointId: webhookDeliveries.endpointId, eventId: webhookDeliveries.eventId, enabled: webhookEndpoints.enabled })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookEndpoints.storeId, input.storeId))),
    );
    if (!found) throw new DomainError("NOT_FOUND", "No such delivery in this store.");
    assertEnabled(found);
    const now = clock.now();
    const created = (await first(
      tx
        .insert(webhookDeliveries)
        .values({ endpointId: found.endpointId, eventId: found.eventId, status: "pending", nextAttemptAt: now, createdAt: now })
        .returning({ id: webhookDeliveries.id }),
    ))!;
    return { deliveryId: created.id };
  });
}

/** Queues a `ping` event for one of the store's endpoints. */
export async function sendTestWebhook(db: Db, clock: Clock, input: { storeId: number; endpointId: number }) {
  return withTransaction(db, async (tx) => {
    const endpoint = await ownEndpoint(tx, input.storeId, input.endpointId);
    assertEnabled(endpoint);
    const { eventId, deliveryIds } = await recordPing(tx, endpoint, clock.now());
    return { eventId, deliveryId: deliveryIds[0]! };
  });
}
