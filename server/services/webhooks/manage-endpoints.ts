// A store's webhook endpoints: add (the secret is returned this once), list, enable or disable, delete. Every action
// is scoped to the caller's store: another store's endpoint is NOT_FOUND, as if it did not exist.
import dns from "node:dns/promises";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate } from "@/db/dialect";
import { first, rows } from "@/db/query";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { allPublic } from "@/server/domain/network-address";
import { checkWebhookUrl, MAX_WEBHOOK_ENDPOINTS, type WebhookEventType, webhookSecretPrefix } from "@/server/domain/webhooks";
import { webhooksMayReachPrivate } from "@/server/env";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { encryptWebhookSecret, newWebhookSecret } from "./endpoint-secret";

const refusedUrl = (why: string) => new DomainError("INVALID_WEBHOOK_URL", why);

/** Refuses a URL that is not http(s), or (where private addresses are not allowed) whose host is or resolves to one. */
export async function checkEndpointUrl(text: string, allowPrivate = webhooksMayReachPrivate()): Promise<string> {
  const checked = checkWebhookUrl(text, allowPrivate);
  if (!checked.ok) {
    if (checked.reason === "scheme") throw refusedUrl("Use an http:// or https:// URL.");
    if (checked.reason === "private") throw refusedUrl("That address is not on the public internet: use your shop's public URL.");
    throw refusedUrl("Enter a full URL such as https://shop.example.com/houfu/webhooks (without a user name or password).");
  }
  if (allowPrivate) return checked.url;
  const host = new URL(checked.url).hostname;
  const addresses = await dns.lookup(host, { all: true }).catch(() => null);
  if (!addresses) throw refusedUrl(`The host ${host} could not be found.`);
  if (!allPublic(addresses.map((a) => a.address))) throw refusedUrl("That host resolves to an address that is not on the public internet.");
  return checked.url;
}

export async function createWebhookEndpoint(
  db: Db,
  clock: Clock,
  input: { storeId: number; actor: Actor; url: string; events: WebhookEventType[]; secret?: string },
) {
  const url = await checkEndpointUrl(input.url);
  const secret = input.secret ?? newWebhookSecret();
  const events = [...new Set(input.events)];
  return withTransaction(db, async (tx) => {
    // The store row is locked first, so two concurrent additions cannot both pass the cap.
    await rows(tx, sql`SELECT id FROM stores WHERE id = ${input.storeId}${forUpdate()}`);
    const existing = await first(tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.storeId, input.storeId)));
    if ((existing?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS)
      throw new DomainError("WEBHOOK_ENDPOINT_LIMIT", `A store may have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one first.`);
    const now = clock.now();
    const created = (await first(
      tx
        .insert(webhookEndpoints)
        .values({
          storeId: input.storeId,
          url,
          events,
          secretCiphertext: encryptWebhookSecret(secret),
          secretPrefix: webhookSecretPrefix(secret),
          createdAt: now,
        })
        .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events, createdAt: webhookEndpoints.createdAt }),
    ))!;
    await recordAudit(tx, {
      actor: input.actor,
      action: "webhook_endpoint.created",
      entityType: "webhook_endpoint",
      entityId: created.id,
      after: { url, events },
      at: now,
    });
    return { ...created, secret };
  });
}

/** The store's endpoints, newest first (never the secret). A store has a handful. */
export async function listWebhookEndpoints(db: Db, storeId: number) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      secretPrefix: webhookEndpoints.secretPrefix,
      enabled: webhookEndpoints.enabled,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.storeId, storeId))
    .orderBy(desc(webhookEndpoints.id))
    .limit(MAX_WEBHOOK_ENDPOINTS * 2);
}

/** One of the store's endpoints, or NOT_FOUND. */
export async function ownEndpoint(db: Db, storeId: number, endpointId: number) {
  const endpoint = await first(
    db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.storeId, storeId))),
  );
  if (!endpoint) throw new DomainError("NOT_FOUND", "No such webhook endpoint in this store.");
  return endpoint;
}

/** Stops (or resumes) sending to an endpoint; its pending deliveries wait meanwhile. Setting the same state is a no-op. */
export async function setWebhookEndpointEnabled(
  db: Db,
  clock: Clock,
  input: { storeId: number; actor: Actor; endpointId: number; enabled: boolean },
) {
  return withTransaction(db, async (tx) => {
    const endpoint = await ownEndpoint(tx, input.storeId, input.endpointId);
    if (endpoint.enabled === input.enabled) return { id: endpoint.id, enabled: endpoint.enabled };
    await tx.update(webhookEndpoints).set({ enabled: input.enabled }).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: input.enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      before: { enabled: endpoint.enabled },
      after: { enabled: input.enabled },
      at: clock.now(),
    });
    return { id: endpoint.id, enabled: input.enabled };
  });
}

/** Deletes an endpoint with its delivery log (events other endpoints still deliver stay). */
export async function deleteWebhookEndpoint(db: Db, clock: Clock, input: { storeId: number; actor: Actor; endpointId: number }) {
  return withTransaction(db, async (tx) => {
    const endpoint = await ownEndpoint(tx, input.storeId, input.endpointId);
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      before: { url: endpoint.url, events: endpoint.events },
      at: clock.now(),
    });
    return { id: endpoint.id };
  });
}
