// Webhooks (issue 18): the outbox (an event exactly when its change committed, one delivery per subscribed, enabled
// endpoint), delivery to a real local HTTP receiver (signature, backoff, failure after 24 hours, one claim per
// attempt when runners race, a hanging endpoint not holding up another), and the endpoints' scoping.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { row } from "@/db/query";
import { webhookDeliveries, webhookEvents } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { EVENT_ID_HEADER, verifyWebhookSignature } from "@/lib/webhook-signature";
import type { MovableClock } from "@/server/clock";
import type { WebhookEventType } from "@/server/domain/webhooks";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { deliverWebhooks } from "@/server/services/webhooks/deliver-webhooks";
import { recordEvent } from "@/server/services/webhooks/record-event";
import { CARD, codeOf, newKey } from "./fixtures";
import { callerAs, secondConnection, seededDb } from "./helpers";

type Received = { body: string; headers: http.IncomingHttpHeaders; at: number };
type Receiver = { url: string; received: Received[]; close: () => Promise<void> };
const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** A local HTTP receiver answering `status` (or never answering, for "hang") after `delayMs`. */
async function receiver(answer: { status?: number; delayMs?: number; hang?: boolean } = {}): Promise<Receiver> {
  const received: Received[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ body, headers: req.headers, at: Date.now() });
      if (answer.hang) return;
      setTimeout(() => res.writeHead(answer.status ?? 200).end("ok"), answer.delayMs ?? 0);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Ports 3450–3499 are this branch's for tests; 0 lets parallel files never collide on one.
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const r: Receiver = {
    url: `http://127.0.0.1:${port}/houfu/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  receivers.push(r);
  return r;
}

async function store(db: Db, email: string) {
  return (await row<{ id: number }>(db, sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = ${email}`))!.id;
}

async function addEndpoint(db: Db, clock: MovableClock, email: string, url: string, events: WebhookEventType[]) {
  const merchant = await callerAs(db, clock, email);
  return merchant.merchant.developers.webhooks.createEndpoint({ url, events });
}

const count = async (db: Db, table: "webhook_events" | "webhook_deliveries") =>
  Number((await row<{ n: number }>(db, sql`SELECT COUNT(*) AS "n" FROM ${sql.raw(table)}`))!.n);

/** A Lumen order that may be refunded. */
async function refundableOrder(db: Db) {
  const lumen = await store(db, "shop@example.com");
  return (await row<{ id: number }>(
    db,
    sql`SELECT id FROM orders WHERE store_id = ${lumen} AND status = 'completed' AND refunded_fen < total_fen ORDER BY id LIMIT 1`,
  ))!.id;
}

describe("the webhook outbox", () => {
  it("records order.refunded with the order as the API shows it, one delivery per subscribed enabled endpoint", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const a = await addEndpoint(db, clock, "shop@example.com", "https://a.example.com/hooks", ["order.refunded", "bill.paid"]);
    const b = await addEndpoint(db, clock, "shop@example.com", "https://b.example.com/hooks", ["order.refunded"]);
    await addEndpoint(db, clock, "shop@example.com", "https://c.example.com/hooks", ["bill.paid"]);
    const disabled = await addEndpoint(db, clock, "shop@example.com", "https://d.example.com/hooks", ["order.refunded"]);
    await shop.merchant.developers.webhooks.setEndpointEnabled({ endpointId: disabled.id, enabled: false });
    // Another store's endpoint hears nothing of Lumen's refunds.
    await addEndpoint(db, clock, "tea@example.com", "https://tea.example.com/hooks", ["order.refunded"]);

    const orderId = await refundableOrder(db);
    await shop.merchant.orders.refund({ orderId, amountFen: 100, reason: "Scratched case", idempotencyKey: newKey() });

    const events = await db.select().from(webhookEvents);
    expect(events.map((e) => e.type)).toEqual(["order.refunded"]);
    const body = JSON.parse(events[0]!.body);
    expect(body).toMatchObject({
      id: events[0]!.publicId,
      object: "event",
      type: "order.refunded",
      data: { id: orderId, object: "order", refundedFen: 100 },
    });
    expect(body.id).toMatch(/^evt_[0-9a-f]{24}$/);
    const deliveries = await db.select().from(webhookDeliveries);
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual([a.id, b.id].sort());
    expect(deliveries.every((d) => d.status === "pending" && d.attempts === 0)).toBe(true);
  });

  it("writes nothing when the change does not commit: a refused refund, a rolled-back transaction, nobody subscribed", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    await addEndpoint(db, clock, "shop@example.com", "https://a.example.com/hooks", ["order.refunded"]);
    const orderId = await refundableOrder(db);
    expect(await codeOf(shop.merchant.orders.refund({ orderId, amountFen: 100_000_000, reason: "Too much", idempotencyKey: newKey() }))).toBe(
      "BAD_REQUEST",
    );
    const lumen = await store(db, "shop@example.com");
    await expect(
      withTransaction(db, async (tx) => {
        await recordEvent(tx, { merchantId: lumen, type: "order.refunded", data: { id: 1 }, at: clock.now() });
        throw new Error("the change failed after recording its event");
      }),
    ).rejects.toThrow("the change failed");
    expect([await count(db, "webhook_events"), await count(db, "webhook_deliveries")]).toEqual([0, 0]);
    // Committed, but no endpoint of the store asks for bill.paid: no event is kept.
    expect(await withTransaction(db, (tx) => recordEvent(tx, { merchantId: lumen, type: "bill.paid", data: {}, at: clock.now() }))).toBeNull();
    expect(await count(db, "webhook_events")).toBe(0);
  });

  it("records instalment.paid and bill.paid when a consumer pays a bill off", async () => {
    const { db, clock } = await seededDb();
    await addEndpoint(db, clock, "shop@example.com", "https://a.example.com/hooks", ["instalment.paid", "bill.paid"]);
    const bill = (await row<{ id: number; owed: number; open: number }>(
      db,
      sql`SELECT b.id, SUM(i.amount_fen - i.paid_principal_fen + i.late_fee_fen - i.paid_fee_fen) AS "owed", COUNT(*) AS "open"
        FROM bills b JOIN instalments i ON i.bill_id = b.id JOIN users u ON u.id = b.consumer_id
        WHERE u.email = 'alice@example.com' AND b.status = 'open' AND i.state = 'open' GROUP BY b.id ORDER BY b.id LIMIT 1`,
    ))!;
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.bills.repay({ billId: bill.id, amountFen: Number(bill.owed), cardNumber: CARD, idempotencyKey: newKey() });
    const events = await db.select().from(webhookEvents).orderBy(webhookEvents.id);
    expect(events.map((e) => e.type)).toEqual([...Array(Number(bill.open)).fill("instalment.paid"), "bill.paid"]);
    expect(JSON.parse(events[0]!.body).data).toMatchObject({ object: "instalment", billId: bill.id, status: "paid" });
    expect(JSON.parse(events.at(-1)!.body).data).toMatchObject({ object: "bill", id: bill.id, status: "paid" });
  });

  it("records instalment.past_due once per instalment the credit jobs mark overdue", async () => {
    const { db, clock } = await seededDb();
    await addEndpoint(db, clock, "shop@example.com", "https://a.example.com/hooks", ["instalment.past_due"]);
    const report = await runCreditJobs(db, new Date(clock.now().getTime() + 45 * 86_400_000));
    expect(report.markedOverdue).toBeGreaterThan(0);
    const events = await db.select().from(webhookEvents);
    expect(events.length).toBe(report.markedOverdue);
    expect(events.every((e) => e.type === "instalment.past_due" && JSON.parse(e.body).data.status === "overdue")).toBe(true);
    await runCreditJobs(db, new Date(clock.now().getTime() + 45 * 86_400_000));
    expect(await count(db, "webhook_events")).toBe(report.markedOverdue);
  });
});

describe("webhook delivery", () => {
  it("POSTs the signed event to the endpoint; the signature verifies with the secret shown once", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const hook = await receiver();
    const endpoint = await addEndpoint(db, clock, "shop@example.com", hook.url, ["order.refunded"]);
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await shop.merchant.developers.webhooks.endpoints())).not.toContain(endpoint.secret);
    await shop.merchant.orders.refund({ orderId: await refundableOrder(db), amountFen: 100, reason: "Scratched case", idempotencyKey: newKey() });

    const report = await deliverWebhooks(db, clock);
    expect(report).toMatchObject({ claimed: 1, delivered: 1 });
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    expect(got!.headers["content-type"]).toBe("application/json");
    const check = verifyWebhookSignature({
      secret: endpoint.secret,
      header: String(got!.headers["houfu-signature"]),
      rawBody: got!.body,
      now: clock.now(),
    });
    expect(check.ok).toBe(true);
    expect(
      verifyWebhookSignature({ secret: "whsec_wrong", header: String(got!.headers["houfu-signature"]), rawBody: got!.body, now: clock.now() }).ok,
    ).toBe(false);
    expect(got!.headers[EVENT_ID_HEADER.toLowerCase()]).toBe(JSON.parse(got!.body).id);

    const log = await shop.merchant.developers.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.deliveries).toMatchObject([{ eventType: "order.refunded", status: "delivered", attempts: 1, responseStatus: 200 }]);
    // Nothing is due any more.
    expect((await deliverWebhooks(db, clock)).claimed).toBe(0);
  });

  it("retries a 500 with backoff by the clock, then marks it failed once 24 hours have passed", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const hook = await receiver({ status: 500 });
    const endpoint = await addEndpoint(db, clock, "shop@example.com", hook.url, ["order.refunded"]);
    const sent = await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id });
    const start = clock.now().getTime();
    const delivery = async () => (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, sent.deliveryId)))[0]!;

    expect(await deliverWebhooks(db, clock)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await delivery()).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 500,
      lastError: "HTTP 500",
      nextAttemptAt: new Date(start + 60_000),
    });
    // Not due yet: nothing is sent.
    clock.set(new Date(start + 59_000));
    expect((await deliverWebhooks(db, clock)).claimed).toBe(0);
    const attemptsAt: number[] = [0];
    for (let i = 0; i < 20 && (await delivery()).status === "pending"; i++) {
      clock.set((await delivery()).nextAttemptAt!);
      attemptsAt.push((clock.now().getTime() - start) / 60_000);
      await deliverWebhooks(db, clock);
    }
    expect(attemptsAt).toEqual([0, 1, 6, 36, 156, 456, 1056, 1440]);
    expect(await delivery()).toMatchObject({ status: "failed", attempts: 8, nextAttemptAt: null });
    expect(hook.received).toHaveLength(8);
    // Every retry carries the same event id.
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).id))).toEqual(new Set([sent.eventId]));

    // Redeliver queues the same event again, as a new delivery.
    const again = await shop.merchant.developers.webhooks.redeliver({ deliveryId: sent.deliveryId });
    expect(again.deliveryId).not.toBe(sent.deliveryId);
    const log = await shop.merchant.developers.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.deliveries.map((d) => [d.id, d.eventId, d.status])).toEqual([
      [again.deliveryId, sent.eventId, "pending"],
      [sent.deliveryId, sent.eventId, "failed"],
    ]);
  });

  it("claims each due delivery once when two runners race on separate connections", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const hook = await receiver({ delayMs: 150 });
    const endpoint = await addEndpoint(db, clock, "shop@example.com", hook.url, ["order.refunded"]);
    for (let i = 0; i < 8; i++) await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id });
    const other = secondConnection(db);
    const options = { perEndpoint: 20, batchSize: 20 };
    const [first, second] = await Promise.all([deliverWebhooks(db, clock, options), deliverWebhooks(other, clock, options)]);
    expect(first.claimed + second.claimed).toBe(8);
    expect(first.delivered + second.delivered).toBe(8);
    const ids = hook.received.map((r) => JSON.parse(r.body).id);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });

  it("sends another store's delivery in the same run while one endpoint hangs", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const tea = await callerAs(db, clock, "tea@example.com");
    const hanging = await receiver({ hang: true });
    const healthy = await receiver();
    const slow = await addEndpoint(db, clock, "shop@example.com", hanging.url, ["order.refunded"]);
    const fine = await addEndpoint(db, clock, "tea@example.com", healthy.url, ["order.refunded"]);
    for (let i = 0; i < 12; i++) await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: slow.id });
    await tea.merchant.developers.webhooks.sendTestEvent({ endpointId: fine.id });

    const started = Date.now();
    const report = await deliverWebhooks(db, clock, { timeoutMs: 1_000 });
    const took = Date.now() - started;
    expect(healthy.received).toHaveLength(1);
    // At most a few of the hanging endpoint's deliveries were taken, and they cost one timeout, not one each.
    expect(report).toMatchObject({ claimed: 6, delivered: 1, retrying: 5 });
    expect(took).toBeLessThan(4_000);
    const log = await shop.merchant.developers.webhooks.deliveries({ endpointId: slow.id, limit: 100 });
    expect(log.deliveries.filter((d) => d.attempts === 1).map((d) => d.lastError)).toEqual(Array(5).fill("no answer within 1 s"));
  });

  it("refuses private addresses when delivering where they are not allowed", async () => {
    const { db, clock } = await seededDb();
    const hook = await receiver();
    const endpoint = await addEndpoint(db, clock, "shop@example.com", hook.url, ["order.refunded"]);
    const shop = await callerAs(db, clock, "shop@example.com");
    await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id });
    expect(await deliverWebhooks(db, clock, { allowPrivate: false })).toMatchObject({ claimed: 1, retrying: 1 });
    expect(hook.received).toHaveLength(0);
    const log = await shop.merchant.developers.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.deliveries[0]!.lastError).toBe("refused: the host is not a public address");
  });

  it("purges delivered deliveries and their events after 30 days", async () => {
    const { db, clock } = await seededDb();
    const hook = await receiver();
    const endpoint = await addEndpoint(db, clock, "shop@example.com", hook.url, ["order.refunded"]);
    const shop = await callerAs(db, clock, "shop@example.com");
    await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id });
    await deliverWebhooks(db, clock);
    clock.advanceDays(29);
    expect((await deliverWebhooks(db, clock)).purged).toBe(0);
    clock.advanceDays(2);
    expect((await deliverWebhooks(db, clock)).purged).toBe(1);
    expect([await count(db, "webhook_events"), await count(db, "webhook_deliveries")]).toEqual([0, 0]);
  });
});

describe("webhook endpoints", () => {
  it("caps the endpoints per store and refuses URLs that are not http(s)", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    expect(await codeOf(shop.merchant.developers.webhooks.createEndpoint({ url: "ftp://shop.example.com", events: ["order.refunded"] }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(shop.merchant.developers.webhooks.createEndpoint({ url: "https://shop.example.com", events: [] }))).toBe("BAD_REQUEST");
    for (let i = 0; i < 5; i++) await addEndpoint(db, clock, "shop@example.com", `https://shop.example.com/${i}`, ["order.refunded"]);
    expect(await codeOf(shop.merchant.developers.webhooks.createEndpoint({ url: "https://shop.example.com/6", events: ["order.refunded"] }))).toBe(
      "CONFLICT",
    );
  });

  it("lets no other merchant see or touch an endpoint or its log", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const tea = await callerAs(db, clock, "tea@example.com");
    const endpoint = await addEndpoint(db, clock, "shop@example.com", "https://shop.example.com/hooks", ["order.refunded"]);
    const sent = await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id });
    expect(await tea.merchant.developers.webhooks.endpoints()).toEqual([]);
    const api = tea.merchant.developers.webhooks;
    for (const attempt of [
      () => api.deliveries({ endpointId: endpoint.id }),
      () => api.setEndpointEnabled({ endpointId: endpoint.id, enabled: false }),
      () => api.deleteEndpoint({ endpointId: endpoint.id }),
      () => api.sendTestEvent({ endpointId: endpoint.id }),
      () => api.redeliver({ deliveryId: sent.deliveryId }),
    ])
      expect(await codeOf(attempt())).toBe("NOT_FOUND");
    expect(await shop.merchant.developers.webhooks.endpoints()).toMatchObject([{ id: endpoint.id, enabled: true }]);
    expect(await count(db, "webhook_deliveries")).toBe(1);
  });

  it("disables (no sending, no new deliveries), enables and deletes an endpoint with its log", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const endpoint = await addEndpoint(db, clock, "shop@example.com", "https://shop.example.com/hooks", ["order.refunded"]);
    await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id });
    await shop.merchant.developers.webhooks.setEndpointEnabled({ endpointId: endpoint.id, enabled: false });
    expect((await deliverWebhooks(db, clock, { send: async () => ({ ok: true, status: 200, error: null }) })).claimed).toBe(0);
    expect(await codeOf(shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id }))).toBe("CONFLICT");
    await shop.merchant.developers.webhooks.setEndpointEnabled({ endpointId: endpoint.id, enabled: true });
    expect((await deliverWebhooks(db, clock, { send: async () => ({ ok: true, status: 200, error: null }) })).delivered).toBe(1);
    await shop.merchant.developers.webhooks.deleteEndpoint({ endpointId: endpoint.id });
    expect(await shop.merchant.developers.webhooks.endpoints()).toEqual([]);
    expect(await count(db, "webhook_deliveries")).toBe(0);
  });

  it("pages the delivery log newest first by keyset", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const endpoint = await addEndpoint(db, clock, "shop@example.com", "https://shop.example.com/hooks", ["order.refunded"]);
    const sent: number[] = [];
    for (let i = 0; i < 5; i++) sent.push((await shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id })).deliveryId);
    const first = await shop.merchant.developers.webhooks.deliveries({ endpointId: endpoint.id, limit: 2 });
    const second = await shop.merchant.developers.webhooks.deliveries({ endpointId: endpoint.id, limit: 2, beforeId: first.nextBeforeId! });
    const third = await shop.merchant.developers.webhooks.deliveries({ endpointId: endpoint.id, limit: 2, beforeId: second.nextBeforeId! });
    expect([...first.deliveries, ...second.deliveries, ...third.deliveries].map((d) => d.id)).toEqual([...sent].reverse());
    expect(third.nextBeforeId).toBeNull();
  });

  it("keeps a deactivated store's endpoints readable but unchangeable", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const endpoint = await addEndpoint(db, clock, "shop@example.com", "https://shop.example.com/hooks", ["order.refunded"]);
    const admin = await callerAs(db, clock, "admin@example.com");
    await admin.admin.setStoreActive({ storeId: await store(db, "shop@example.com"), active: false });
    expect(await shop.merchant.developers.webhooks.endpoints()).toHaveLength(1);
    expect(await codeOf(shop.merchant.developers.webhooks.sendTestEvent({ endpointId: endpoint.id }))).toBe("FORBIDDEN");
    expect(await codeOf(shop.merchant.developers.webhooks.createEndpoint({ url: "https://x.example.com", events: ["bill.paid"] }))).toBe("FORBIDDEN");
  });
});
