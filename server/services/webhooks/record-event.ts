// The webhook outbox. A service that changes something a shop may want to hear of calls recordEvent inside its own
// transaction: the event and one delivery per subscribed, enabled endpoint of the store are written with the change,
// so an event exists exactly when its change committed (and a rolled-back or retried body leaves nothing behind).
// Nothing is sent here: the delivery runner (deliver-webhooks.ts) does that outside any transaction.
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { PING_EVENT, type WebhookEventType } from "@/server/domain/webhooks";

/** The event's data (the order, instalment or bill as the API shows it), or a function that reads it when needed. */
type EventData = Record<string, unknown> | (() => Promise<Record<string, unknown>>);
export type NewWebhookEvent = { merchantId: number; type: WebhookEventType; data: EventData; at: Date };

export const newEventId = () => `evt_${randomBytes(12).toString("hex")}`;

/** The body every delivery of the event sends (and the receiver's signature covers). */
export function eventBody(publicId: string, type: string, createdAt: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ id: publicId, object: "event", type, createdAt: createdAt.toISOString(), data });
}

type Subscriber = { id: number; storeId: number; events: string[] };

async function subscribersOf(tx: Db, storeIds: readonly number[]): Promise<Subscriber[]> {
  if (storeIds.length === 0) return [];
  return tx
    .select({ id: webhookEndpoints.id, storeId: webhookEndpoints.storeId, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.storeId, [...storeIds]), eq(webhookEndpoints.enabled, true)));
}

async function insertEvent(tx: Db, storeId: number, type: string, data: Record<string, unknown>, at: Date, endpointIds: readonly number[]) {
  const publicId = newEventId();
  const event = (await first(
    tx
      .insert(webhookEvents)
      .values({ publicId, storeId, type, body: eventBody(publicId, type, at, data), createdAt: at })
      .returning({ id: webhookEvents.id }),
  ))!;
  const deliveries = await tx
    .insert(webhookDeliveries)
    .values(endpointIds.map((endpointId) => ({ endpointId, eventId: event.id, status: "pending" as const, nextAttemptAt: at, createdAt: at })))
    .returning({ id: webhookDeliveries.id });
  return { eventId: publicId, deliveryIds: deliveries.map((d) => d.id) };
}

/**
 * Records one event for the store's endpoints that subscribe to its type (inside the caller's transaction). With no
 * such endpoint nothing is written and null returned: an event no one asked for is not kept.
 */
export async function recordEvent(tx: Db, event: NewWebhookEvent): Promise<{ eventId: string; deliveryIds: number[] } | null> {
  const endpoints = (await subscribersOf(tx, [event.merchantId])).filter((e) => e.events.includes(event.type));
  if (endpoints.length === 0) return null;
  const data = typeof event.data === "function" ? await event.data() : event.data;
  return insertEvent(
    tx,
    event.merchantId,
    event.type,
    data,
    event.at,
    endpoints.map((e) => e.id),
  );
}

/**
 * Many events at once (the credit jobs' chunks): one read of the endpoints of all their stores, then only the events
 * someone subscribes to are built and written. `dataOf` reads the data of the events kept, in one go.
 */
export async function recordEvents<K>(
  tx: Db,
  input: {
    type: WebhookEventType;
    at: Date;
    items: readonly { merchantId: number; key: K }[];
    dataOf: (keys: K[]) => Promise<Map<K, Record<string, unknown>>>;
  },
): Promise<number> {
  const subscribers = (await subscribersOf(tx, [...new Set(input.items.map((i) => i.merchantId))])).filter((e) => e.events.includes(input.type));
  if (subscribers.length === 0) return 0;
  const wanted = input.items.filter((i) => subscribers.some((s) => s.storeId === i.merchantId));
  const data = await input.dataOf(wanted.map((w) => w.key));
  let recorded = 0;
  for (const item of wanted) {
    const itemData = data.get(item.key);
    if (!itemData) continue;
    const endpointIds = subscribers.filter((s) => s.storeId === item.merchantId).map((s) => s.id);
    await insertEvent(tx, item.merchantId, input.type, itemData, input.at, endpointIds);
    recorded += 1;
  }
  return recorded;
}

/** A `ping` event for one endpoint only ("Send test event"). */
export async function recordPing(tx: Db, endpoint: { id: number; storeId: number }, at: Date) {
  return insertEvent(tx, endpoint.storeId, PING_EVENT, { object: "ping", endpointId: endpoint.id, message: "A test event from Houfu." }, at, [
    endpoint.id,
  ]);
}
