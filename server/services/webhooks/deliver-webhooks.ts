// The webhook delivery runner (in the server every few seconds, and in `npm run jobs`). Each run:
// 1. claims a bounded batch of due deliveries in one short transaction — at most a few per endpoint, so one endpoint's
//    backlog never crowds out another store's — marking each with a claim token and a claim that lapses after the
//    request's timeout (PostgreSQL: FOR UPDATE SKIP LOCKED under READ COMMITTED; SQLite: the immediate transaction
//    holds the database), so two runners never send the same attempt;
// 2. sends them concurrently, outside any transaction, each with its own timeout, so a hanging endpoint costs the
//    run at most that timeout and never holds up the healthy ones;
// 3. writes each outcome back only while the claim is still the runner's (the token fences a runner that overran);
// 4. purges delivered and failed deliveries past the retention, and events left with none.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bool, inIds, instant, toDate } from "@/db/dialect";
import { isPg } from "@/db/engine";
import { exec, rows } from "@/db/query";
import { webhookDeliveries } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { nextAttemptAfterFailure, WEBHOOK_RETENTION_MS, WEBHOOK_TIMEOUT_MS } from "@/server/domain/webhooks";
import { webhooksMayReachPrivate } from "@/server/env";
import { decryptWebhookSecret } from "./endpoint-secret";
import { sendWebhook, type SendOutcome, type WebhookSender } from "./send-webhook";

export type DeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number; purged: number };
export type DeliveryOptions = {
  /** Deliveries claimed per run. */
  batchSize?: number;
  /** Of which at most this many for any one endpoint. */
  perEndpoint?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  send?: WebhookSender;
  allowPrivate?: boolean;
  /** Claim only these deliveries (if due): "Send test event" and "Redeliver" deliver theirs at once. */
  onlyIds?: readonly number[];
};

export const WEBHOOK_BATCH = 50;
const PER_ENDPOINT = 5;
const CONCURRENCY = 10;
const PURGE_BATCH = 1_000;

type Claimed = { id: number; attempts: number; createdAt: Date; url: string; secretCiphertext: string; eventId: string; type: string; body: string };

async function claim(
  db: Db,
  now: Date,
  token: string,
  opts: Required<Pick<DeliveryOptions, "batchSize" | "perEndpoint" | "timeoutMs">> & DeliveryOptions,
) {
  const until = new Date(now.getTime() + opts.timeoutMs + 30_000);
  const free = sql`status = 'pending' AND (claimed_until IS NULL OR claimed_until <= ${instant(now)})`;
  const only = opts.onlyIds ? sql`AND ${inIds(sql`d.id`, opts.onlyIds)}` : sql``;
  const claimed = await withTransaction(
    db,
    (tx) =>
      rows<{ id: number }>(
        tx,
        sql`
      UPDATE webhook_deliveries SET claimed_until = ${instant(until)}, claim_token = ${token}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM webhook_deliveries WHERE ${free} AND id IN (
          SELECT id FROM (
            SELECT d.id, d.next_attempt_at, ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.id) AS n
            FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= ${instant(now)} AND e.enabled = ${bool(true)}
              AND (d.claimed_until IS NULL OR d.claimed_until <= ${instant(now)}) ${only}
          ) ranked WHERE n <= ${opts.perEndpoint} ORDER BY next_attempt_at, id LIMIT ${opts.batchSize}
        )${sql.raw(isPg() ? " FOR UPDATE SKIP LOCKED" : "")}
      ) AND ${free}
      RETURNING id`,
      ),
    { isolation: "read committed" },
  );
  if (claimed.length === 0) return [];
  const found = await rows<Omit<Claimed, "createdAt"> & { createdAt: unknown }>(
    db,
    sql`
    SELECT d.id, d.attempts, d.created_at AS "createdAt", e.url, e.secret_ciphertext AS "secretCiphertext",
      v.public_id AS "eventId", v.type, v.body
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id JOIN webhook_events v ON v.id = d.event_id
    WHERE ${inIds(
      sql`d.id`,
      claimed.map((c) => c.id),
    )} AND d.claim_token = ${token}
    ORDER BY d.id`,
  );
  return found.map((f) => ({ ...f, createdAt: toDate(f.createdAt) }));
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Writes an attempt's outcome while the claim is still `token`'s; returns the delivery's new status (null: fenced). */
async function settle(db: Db, clock: Clock, delivery: Claimed, token: string, outcome: SendOutcome) {
  const at = clock.now();
  const retryAt = outcome.ok ? null : nextAttemptAfterFailure(delivery.createdAt, delivery.attempts, at);
  const status = outcome.ok ? "delivered" : retryAt ? "pending" : "failed";
  const updated = await withTransaction(db, (tx) =>
    tx
      .update(webhookDeliveries)
      .set({
        status,
        nextAttemptAt: retryAt,
        claimedUntil: null,
        claimToken: null,
        lastAttemptAt: at,
        responseStatus: outcome.status,
        lastError: outcome.ok ? null : (outcome.error ?? `HTTP ${outcome.status}`),
      })
      .where(sql`${webhookDeliveries.id} = ${delivery.id} AND ${webhookDeliveries.claimToken} = ${token}`)
      .returning({ id: webhookDeliveries.id }),
  );
  return updated.length > 0 ? status : null;
}

async function purge(db: Db, now: Date): Promise<number> {
  const cutoff = instant(new Date(now.getTime() - WEBHOOK_RETENTION_MS));
  return withTransaction(db, async (tx) => {
    const gone = await rows<{ id: number }>(
      tx,
      sql`DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ${cutoff} ORDER BY created_at LIMIT ${PURGE_BATCH})
      RETURNING id`,
    );
    await exec(
      tx,
      sql`DELETE FROM webhook_events WHERE id IN (
        SELECT id FROM webhook_events v WHERE v.created_at < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = v.id) ORDER BY v.created_at LIMIT ${PURGE_BATCH})`,
    );
    return gone.length;
  });
}

export async function deliverWebhooks(db: Db, clock: Clock, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const opts = { batchSize: WEBHOOK_BATCH, perEndpoint: PER_ENDPOINT, timeoutMs: WEBHOOK_TIMEOUT_MS, ...options };
  const send = options.send ?? sendWebhook;
  const allowPrivate = options.allowPrivate ?? webhooksMayReachPrivate();
  const report: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0, purged: 0 };
  const token = randomUUID();
  const claimed = await claim(db, clock.now(), token, opts);
  report.claimed = claimed.length;
  await pooled(claimed, options.concurrency ?? CONCURRENCY, async (delivery) => {
    let outcome: SendOutcome;
    try {
      outcome = await send({
        url: delivery.url,
        body: delivery.body,
        secret: decryptWebhookSecret(delivery.secretCiphertext),
        eventId: delivery.eventId,
        eventType: delivery.type,
        at: clock.now(),
        allowPrivate,
        timeoutMs: opts.timeoutMs,
      });
    } catch (error) {
      outcome = { ok: false, status: null, error: error instanceof Error ? error.message.slice(0, 200) : "failed" };
    }
    const status = await settle(db, clock, delivery, token, outcome);
    if (status === "delivered") report.delivered += 1;
    else if (status === "pending") report.retrying += 1;
    else if (status === "failed") report.failed += 1;
  });
  if (!options.onlyIds) report.purged = await purge(db, clock.now());
  return report;
}

/** A delivery's current row (tests and the log read it). */
export async function deliveryRow(db: Db, id: number) {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}
