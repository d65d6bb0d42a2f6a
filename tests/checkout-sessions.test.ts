// Merchant API checkouts (issue 18): checkout session → hosted page → authorized → capture / cancel / expiry, on the
// engine of the run (SQLite by default, PostgreSQL with HOUFU_TEST_ENGINE=pg).
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { row, rows } from "@/db/query";
import { cancelOrderEndpoint, captureOrderEndpoint, createSession, getOrder, getSession } from "@/server/api/v1/endpoints";
import { openApiDocument } from "@/server/api/v1/openapi";
import { revokeApiKey } from "@/server/services/developers/revoke-api-key";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callApi } from "./api-client";
import { AMOUNT, authorized, count, ITEMS, newSession, SESSION, teaKey, usedCredit, write } from "./checkout-sessions-fixture";
import { tableDigest } from "./digest";
import { failure, newKey } from "./fixtures";
import { callerAs, secondConnection, seededDb, userId } from "./helpers";

describe("creating a checkout session", () => {
  it("answers 201 with the hosted page's url, open for one hour, and reads back by id in the store only", async () => {
    const { db, clock } = await seededDb();
    const session = await newSession(db, clock);
    expect(session).toMatchObject({ object: "checkout_session", status: "open", amountFen: AMOUNT, currency: "CNY", orderId: null });
    expect(session.id).toMatch(/^cs_[A-Za-z0-9_-]{24}$/);
    expect(session.url).toBe(`http://shop.test/pay/${session.id}`);
    expect(new Date(session.expiresAt).getTime() - clock.now().getTime()).toBe(60 * 60 * 1000);

    const read = await callApi(db, clock, getSession, { id: session.id });
    expect([read.status, read.body.id, read.body.status]).toEqual([200, session.id, "open"]);
    clock.set(new Date(session.expiresAt));
    expect((await callApi(db, clock, getSession, { id: session.id })).body.status).toBe("expired");

    const tea = await teaKey(db, clock);
    for (const id of [session.id, "cs_nope", "x"]) {
      const other = await callApi(db, clock, getSession, { id }, { key: tea });
      expect([id, other.status, other.body.code]).toEqual([id, 404, "NOT_FOUND"]);
    }
  });

  it("refuses a malformed body with 400 and writes nothing", async () => {
    const { db, clock } = await seededDb();
    await callApi(db, clock, getOrder, { id: "1" }); // the key's last-used time is written by this first call
    const before = await tableDigest(db);
    const bad: [string, unknown][] = [
      ["items do not add up", { ...SESSION, amountFen: AMOUNT + 1 }],
      ["javascript url", { ...SESSION, successUrl: "javascript:alert(1)" }],
      ["ftp url", { ...SESSION, cancelUrl: "ftp://shop.test/x" }],
      ["relative url", { ...SESSION, successUrl: "/done" }],
      ["no items", { ...SESSION, items: [] }],
      ["fractional fen", { ...SESSION, amountFen: 280.5 }],
      ["missing reference", { ...SESSION, merchantReference: undefined }],
      ["extra field", { ...SESSION, storeId: 2 }],
      ["zero quantity", { ...SESSION, items: [{ name: "A", quantity: 0, unitPriceFen: AMOUNT }] }],
    ];
    for (const [what, body] of bad) {
      const res = await callApi(db, clock, createSession, {}, { idempotencyKey: newKey("bad"), body });
      expect([what, res.status, res.body.code]).toEqual([what, 400, "INVALID_REQUEST"]);
    }
    const items = await callApi(db, clock, createSession, {}, { idempotencyKey: newKey("bad"), body: { ...SESSION, amountFen: AMOUNT + 1 } });
    expect(items.body.errors).toEqual([{ path: "body.items", message: `The items add up to ${AMOUNT} fen, not the amountFen ${AMOUNT + 1}.` }]);
    expect(await tableDigest(db)).toBe(before);
  });

  it("refuses an amount outside the store's pay-later min/max, a store without pay later, and a revoked key", async () => {
    const { db, clock } = await seededDb();
    await write(
      db,
      sql`UPDATE stores SET pay_later_min_fen = 10000, pay_later_max_fen = 30000 WHERE slug = (SELECT slug FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com')`,
    );
    const one = (fen: number) => ({ ...SESSION, amountFen: fen, items: [{ name: "Thing", quantity: 1, unitPriceFen: fen }] });
    for (const [fen, code] of [
      [9_999, "BELOW_STORE_MINIMUM"],
      [30_001, "ABOVE_STORE_MAXIMUM"],
    ] as const) {
      const res = await callApi(db, clock, createSession, {}, { idempotencyKey: newKey(), body: one(fen) });
      expect([fen, res.status, res.body.code]).toEqual([fen, 422, code]);
    }
    expect((await callApi(db, clock, createSession, {}, { idempotencyKey: newKey(), body: one(10_000) })).status).toBe(201);

    const tea = await callApi(db, clock, createSession, {}, { key: await teaKey(db, clock), idempotencyKey: newKey(), body: SESSION });
    expect([tea.status, tea.body.code]).toEqual([422, "STORE_NO_PAY_LATER"]);

    const demo = await row<{ id: number; store: number }>(db, sql`SELECT id, store_id AS "store" FROM api_keys ORDER BY id LIMIT 1`);
    await revokeApiKey(db, clock, {
      storeId: demo!.store,
      actor: { userId: await userId(db, "shop@example.com"), role: "merchant" },
      keyId: demo!.id,
    });
    const revoked = await callApi(db, clock, createSession, {}, { idempotencyKey: newKey(), body: SESSION });
    expect([revoked.status, revoked.body.code]).toEqual([401, "UNAUTHENTICATED"]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM checkout_sessions`)).toBe(1);
  });

  it("replays the first session for the same Idempotency-Key and refuses the key with a different body", async () => {
    const { db, clock } = await seededDb();
    const key = newKey("replay");
    const first = await callApi(db, clock, createSession, {}, { idempotencyKey: key, body: SESSION });
    const again = await callApi(db, clock, createSession, {}, { idempotencyKey: key, body: SESSION });
    expect([again.status, again.body.id, again.headers.get("idempotent-replayed")]).toEqual([201, first.body.id, "true"]);
    const other = await callApi(db, clock, createSession, {}, { idempotencyKey: key, body: { ...SESSION, merchantReference: "SHOP-2" } });
    expect([other.status, other.body.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM checkout_sessions`)).toBe(1);
  });

  it("is in the OpenAPI document, generated from the request schemas", () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/checkout-sessions", "/checkout-sessions/{id}", "/orders/{id}/capture", "/orders/{id}/cancel"]),
    );
    expect(doc.components.schemas.CreateCheckoutSession).toMatchObject({
      required: expect.arrayContaining(["amountFen", "items", "successUrl", "cancelUrl"]),
    });
    expect(doc.paths["/orders/{id}/capture"]!.post!.requestBody).toBeDefined();
  });
});

describe("the hosted page", () => {
  it("shows a signed-in shopper the live credit check, and confirming authorizes: credit reserved, no bill", async () => {
    const { db, clock } = await seededDb();
    const session = await newSession(db, clock);
    const anonymous = await (await callerAs(db, clock, null)).pay.session({ sessionId: session.id });
    expect(anonymous).toMatchObject({ storeName: "Lumen Electronics", amountFen: AMOUNT, state: "open", credit: null, items: ITEMS });

    const alice = await callerAs(db, clock, "alice@example.com");
    const view = await alice.pay.session({ sessionId: session.id });
    expect(view.credit?.payLater).toEqual({ ok: true });
    expect(view.credit?.plans.map((p) => [p.code, p.instalmentsFen])).toEqual([
      ["pay_in_30", [AMOUNT]],
      ["pay_in_3", [9_334, 9_333, 9_333]],
    ]);
    const availableBefore = view.credit!.availableCreditFen;
    const usedBefore = await usedCredit(db, "alice@example.com");

    const result = await alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_3" });
    expect(result.redirectUrl).toBe(`https://shop.test/done?x=1&session_id=${session.id}&order_id=${result.orderId}`);
    const order = await row<Record<string, unknown>>(
      db,
      sql`SELECT status, total_fen, authorized_fen, plan_code FROM orders WHERE id = ${result.orderId}`,
    );
    expect(order).toMatchObject({ status: "authorized", plan_code: "pay_in_3" });
    expect([Number(order!.total_fen), Number(order!.authorized_fen)]).toEqual([AMOUNT, AMOUNT]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM bills WHERE order_id = ${result.orderId}`)).toBe(0);
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore + AMOUNT);
    expect((await alice.credit.summary()).availableCreditFen).toBe(availableBefore - AMOUNT);

    const api = await callApi(db, clock, getOrder, { id: String(result.orderId) });
    expect(api.body).toMatchObject({ status: "authorized", amountFen: AMOUNT, authorizedFen: AMOUNT, refundableFen: 0, capturedAt: null });
    expect(api.body.items).toEqual(ITEMS);
    expect((await callApi(db, clock, getSession, { id: session.id })).body).toMatchObject({ status: "completed", orderId: result.orderId });
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("refuses with the same reasons checkout gives, and writes nothing", async () => {
    const { db, clock } = await seededDb();
    const session = await newSession(db, clock, { ...SESSION, amountFen: 990_000, items: [{ name: "Big TV", quantity: 1, unitPriceFen: 990_000 }] });
    const alice = await callerAs(db, clock, "alice@example.com");
    const view = await alice.pay.session({ sessionId: session.id });
    expect(view.credit?.payLater).toMatchObject({ ok: false, code: "INSUFFICIENT_CREDIT" });
    const before = await tableDigest(db);
    expect((await failure(alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_3" }))).domainCode).toBe("INSUFFICIENT_CREDIT");
    const dave = await callerAs(db, clock, "dave@example.com");
    expect((await failure(dave.pay.confirm({ sessionId: session.id, planCode: "pay_in_30" }))).domainCode).toBe("PAY_LATER_SUSPENDED");
    expect(await tableDigest(db)).toBe(before);
  });

  it("confirms once: the same shopper gets the same order back, another is told the page was used, an expired page says so", async () => {
    const { db, clock } = await seededDb();
    const { session, orderId } = await authorized(db, clock);
    const alice = await callerAs(db, clock, "alice@example.com");
    const again = await alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_30" });
    expect([again.orderId, again.replayed]).toEqual([orderId, true]);
    expect((await alice.pay.session({ sessionId: session.id })).order?.id).toBe(orderId);
    const bob = await callerAs(db, clock, "bob@example.com");
    expect((await failure(bob.pay.confirm({ sessionId: session.id, planCode: "pay_in_30" }))).domainCode).toBe("CHECKOUT_SESSION_USED");
    expect((await bob.pay.session({ sessionId: session.id })).order).toBeNull();

    const late = await newSession(db, clock);
    clock.set(new Date(new Date(late.expiresAt).getTime() + 1));
    expect((await alice.pay.session({ sessionId: late.id })).state).toBe("expired");
    expect((await failure(alice.pay.confirm({ sessionId: late.id, planCode: "pay_in_30" }))).domainCode).toBe("CHECKOUT_SESSION_EXPIRED");
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM orders WHERE status = 'authorized'`)).toBe(1);
  });

  it("makes one order when the same session is confirmed concurrently from two connections", async () => {
    const { db, clock } = await seededDb();
    const session = await newSession(db, clock);
    const other = secondConnection(db);
    const usedBefore = await usedCredit(db, "alice@example.com");
    const [a, b] = await Promise.all([
      (await callerAs(db, clock, "alice@example.com")).pay.confirm({ sessionId: session.id, planCode: "pay_in_3" }),
      (await callerAs(other, clock, "alice@example.com")).pay.confirm({ sessionId: session.id, planCode: "pay_in_3" }),
    ]);
    expect(a.orderId).toBe(b.orderId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM orders WHERE status = 'authorized'`)).toBe(1);
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore + AMOUNT);
  });
  it("lets only one of two shoppers confirming the same session at once have it, again and again", async () => {
    const { db, clock } = await seededDb();
    const other = secondConnection(db);
    const bob = await callerAs(other, clock, "bob@example.com");
    const agreement = await row<{ v: number }>(db, sql`SELECT MAX(version) AS "v" FROM agreements`);
    await bob.credit.enablePayLater({ agreementVersion: Number(agreement!.v), accepted: true });
    const alice = await callerAs(db, clock, "alice@example.com");
    for (let round = 0; round < 5; round++) {
      const session = await newSession(db, clock, { ...SESSION, amountFen: 1_000, items: [{ name: "Pen", quantity: 1, unitPriceFen: 1_000 }] });
      const outcomes = await Promise.allSettled([
        alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_30" }),
        bob.pay.confirm({ sessionId: session.id, planCode: "pay_in_30" }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect((refused.reason as { cause?: { code?: string } }).cause?.code).toBe("CHECKOUT_SESSION_USED");
      expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM orders WHERE idempotency_key = ${`checkout-session:${session.id}`}`)).toBe(1);
    }
    expect(await checkInvariants(db)).toEqual([]);
  });
});

describe("capture and cancel", () => {
  it("captures part: the bill is the captured amount, due dates from the capture day, the rest released; then placed", async () => {
    const { db, clock } = await seededDb();
    const { orderId } = await authorized(db, clock);
    const usedBefore = await usedCredit(db, "alice@example.com");
    clock.advanceDays(2);
    const res = await callApi(
      db,
      clock,
      captureOrderEndpoint,
      { id: String(orderId) },
      { idempotencyKey: newKey("cap"), body: { amountFen: 25_000 } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "placed", amountFen: 25_000, authorizedFen: AMOUNT, authorizationExpiresAt: null });
    expect(res.body.capturedAt).toBe(clock.now().toISOString());
    const due = await rows<{ due: string; amount: number }>(
      db,
      sql`SELECT CAST(i.due_date AS TEXT) AS "due", i.amount_fen AS "amount" FROM instalments i JOIN bills b ON b.id = i.bill_id WHERE b.order_id = ${orderId} ORDER BY i.seq`,
    );
    // Captured 2026-11-27 (Shanghai): 30, 60 and 90 days later.
    expect(due.map((d) => [String(d.due), Number(d.amount)])).toEqual([
      ["2026-12-27", 8_334],
      ["2027-01-26", 8_333],
      ["2027-02-25", 8_333],
    ]);
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore - 3_000);
    expect(await checkInvariants(db)).toEqual([]);

    const twice = await callApi(db, clock, captureOrderEndpoint, { id: String(orderId) }, { idempotencyKey: newKey("cap"), body: {} });
    expect([twice.status, twice.body.code]).toEqual([409, "INVALID_TRANSITION"]);
    const cancel = await callApi(db, clock, cancelOrderEndpoint, { id: String(orderId) }, { idempotencyKey: newKey("cancel") });
    expect([cancel.status, cancel.body.code]).toEqual([409, "INVALID_TRANSITION"]);
  });

  it("refuses more than authorized, another store's order, and replays a capture by its key", async () => {
    const { db, clock } = await seededDb();
    const { orderId } = await authorized(db, clock);
    const id = { id: String(orderId) };
    const tooMuch = await callApi(db, clock, captureOrderEndpoint, id, { idempotencyKey: newKey(), body: { amountFen: AMOUNT + 1 } });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([422, "CAPTURE_TOO_LARGE"]);
    const tea = await teaKey(db, clock);
    for (const endpoint of [captureOrderEndpoint, cancelOrderEndpoint]) {
      const other = await callApi(db, clock, endpoint, id, { key: tea, idempotencyKey: newKey() });
      expect([endpoint.path, other.status, other.body.code]).toEqual([endpoint.path, 404, "NOT_FOUND"]);
    }
    const malformed = await callApi(db, clock, captureOrderEndpoint, id, { idempotencyKey: newKey(), body: { amountFen: "all" } });
    expect([malformed.status, malformed.body.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM bills WHERE order_id = ${orderId}`)).toBe(0);

    const key = newKey("cap");
    const first = await callApi(db, clock, captureOrderEndpoint, id, { idempotencyKey: key, body: {} });
    const replay = await callApi(db, clock, captureOrderEndpoint, id, { idempotencyKey: key, body: {} });
    expect([first.status, replay.status, replay.headers.get("idempotent-replayed"), replay.body.amountFen]).toEqual([200, 200, "true", AMOUNT]);
    const reused = await callApi(db, clock, captureOrderEndpoint, id, { idempotencyKey: key, body: { amountFen: 100 } });
    expect([reused.status, reused.body.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM bills WHERE order_id = ${orderId}`)).toBe(1);
  });

  it("cancels an uncaptured authorization and releases the credit; the receivables never counted it", async () => {
    const { db, clock } = await seededDb();
    const store = await row<{ id: number }>(
      db,
      sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com'`,
    );
    const receivables = async () => {
      const s = await receivablesSummary(db, { storeId: store!.id, now: clock.now() });
      return [s.outstandingFen, s.overdueFen];
    };
    const owedBefore = await receivables();
    const usedBefore = await usedCredit(db, "alice@example.com");
    const { orderId } = await authorized(db, clock);
    expect(await receivables()).toEqual(owedBefore);
    const res = await callApi(db, clock, cancelOrderEndpoint, { id: String(orderId) }, { idempotencyKey: newKey("cancel"), rawBody: "" });
    expect([res.status, res.body.status]).toEqual([200, "cancelled"]);
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore);
    const capture = await callApi(db, clock, captureOrderEndpoint, { id: String(orderId) }, { idempotencyKey: newKey("cap"), body: {} });
    expect([capture.status, capture.body.code]).toEqual([409, "INVALID_TRANSITION"]);
    expect(await checkInvariants(db)).toEqual([]);
  });
});

describe("expiry", () => {
  it("expires authorizations past the policy's window once, even when two job runs race, and releases the credit", async () => {
    const { db, clock } = await seededDb();
    const usedBefore = await usedCredit(db, "alice@example.com");
    const { orderId } = await authorized(db, clock);
    clock.advanceDays(7);
    const capture = await callApi(db, clock, captureOrderEndpoint, { id: String(orderId) }, { idempotencyKey: newKey(), body: {} });
    expect([capture.status, capture.body.code]).toEqual([409, "AUTHORIZATION_EXPIRED"]);
    const reports = await Promise.all([runCreditJobs(db, clock.now()), runCreditJobs(secondConnection(db), clock.now())]);
    expect(reports.reduce((n, r) => n + r.expiredAuthorizations, 0)).toBe(1);
    expect((await runCreditJobs(db, clock.now())).expiredAuthorizations).toBe(0);
    expect((await row<{ status: string }>(db, sql`SELECT status FROM orders WHERE id = ${orderId}`))!.status).toBe("expired");
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM order_events WHERE order_id = ${orderId} AND type = 'expired'`)).toBe(1);
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("keeps an authorization inside the window; the window is the policy's", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const policy = await admin.admin.policy();
    await admin.admin.updatePolicy({ params: { ...policy.params, authorizationWindowDays: 2 }, note: "Shorter API window" });
    const { orderId } = await authorized(db, clock);
    clock.advanceDays(1);
    expect((await runCreditJobs(db, clock.now())).expiredAuthorizations).toBe(0);
    clock.advanceDays(1);
    expect((await runCreditJobs(db, clock.now())).expiredAuthorizations).toBe(1);
    expect((await row<{ status: string }>(db, sql`SELECT status FROM orders WHERE id = ${orderId}`))!.status).toBe("expired");
    const tooLong = await failure(admin.admin.updatePolicy({ params: { ...policy.params, authorizationWindowDays: 31 }, note: "Too long" }));
    expect(tooLong.code).toBe("BAD_REQUEST");
  });
});

describe("verify", () => {
  it("reports an authorization with instalments and a capture above the authorized amount", async () => {
    const { db, clock } = await seededDb();
    const { orderId } = await authorized(db, clock);
    expect(await checkInvariants(db)).toEqual([]);
    await write(db, sql`UPDATE orders SET total_fen = authorized_fen + 1 WHERE id = ${orderId}`);
    const bill = await row<{ id: number }>(db, sql`SELECT id FROM bills ORDER BY id LIMIT 1`);
    await write(db, sql`UPDATE bills SET order_id = ${orderId} WHERE id = ${bill!.id}`);
    const found = (await checkInvariants(db)).map((v) => v.invariant);
    expect(found).toContain("an authorized, voided or expired authorization has no bill and no instalments");
    expect(found).toContain("an API order is captured for at most the amount authorized, and only an authorization is authorized or expired");
  });
});

describe("webhooks of an API checkout", () => {
  it("tells the store's endpoint of each step, in the step's own transaction: authorized, captured, cancelled, expired", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    await shop.merchant.developers.webhooks.createEndpoint({
      url: "https://shop.test/hooks",
      events: ["order.authorized", "order.captured", "order.cancelled", "order.expired"],
    });
    const events = async () =>
      (await rows<{ type: string; body: string }>(db, sql`SELECT type, body FROM webhook_events ORDER BY id`)).map((e) => ({
        type: e.type,
        data: JSON.parse(e.body).data as { id: number; status: string },
      }));

    const captured = await authorized(db, clock);
    const cancelled = await authorized(db, clock, { ...SESSION, merchantReference: "SHOP-1002" });
    const expiring = await authorized(db, clock, { ...SESSION, merchantReference: "SHOP-1003" });
    const alsoExpiring = await authorized(db, clock, { ...SESSION, merchantReference: "SHOP-1004" });
    expect(await events()).toEqual(
      [captured, cancelled, expiring, alsoExpiring].map((o) => ({
        type: "order.authorized",
        data: expect.objectContaining({ id: o.orderId, status: "authorized" }),
      })),
    );

    const cap = await callApi(db, clock, captureOrderEndpoint, { id: String(captured.orderId) }, { idempotencyKey: newKey("cap"), body: {} });
    const can = await callApi(db, clock, cancelOrderEndpoint, { id: String(cancelled.orderId) }, { idempotencyKey: newKey("cancel") });
    expect([cap.status, can.status]).toEqual([200, 200]);
    // A refused step says nothing: capturing the cancelled order again.
    await callApi(db, clock, captureOrderEndpoint, { id: String(cancelled.orderId) }, { idempotencyKey: newKey("cap"), body: {} });
    clock.advanceDays(8);
    await runCreditJobs(db, clock.now());
    // The two expiries of one job run are told in one batch, each with its own order and items.
    expect((await events()).slice(4)).toEqual([
      { type: "order.captured", data: expect.objectContaining({ id: captured.orderId, status: "placed" }) },
      { type: "order.cancelled", data: expect.objectContaining({ id: cancelled.orderId, status: "cancelled" }) },
      ...[expiring, alsoExpiring].map((o) => ({
        type: "order.expired",
        data: expect.objectContaining({ id: o.orderId, status: "expired", items: ITEMS }),
      })),
    ]);
    expect(await count(db, sql`SELECT COUNT(*) AS "n" FROM webhook_deliveries`)).toBe(8);
  });
});
