// The hosted page's Cancel closes its checkout session (issue 18), and a captured API order is refunded from the
// shop: on the engine of the run (SQLite by default, PostgreSQL with HOUFU_TEST_ENGINE=pg).
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/query";
import { captureOrderEndpoint, createOrderRefund, getOrder, getSession } from "@/server/api/v1/endpoints";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callApi } from "./api-client";
import { AMOUNT, authorized, count, newSession, usedCredit } from "./checkout-sessions-fixture";
import { tableDigest } from "./digest";
import { failure, newKey } from "./fixtures";
import { callerAs, secondConnection, seededDb } from "./helpers";

describe("Cancel on the hosted page", () => {
  it("closes an open session for good: the API reads cancelled, the page says so, it can no longer be confirmed", async () => {
    const { db, clock } = await seededDb();
    const session = await newSession(db, clock);
    // Signed out, as the page offers Cancel before signing in.
    const anonymous = await callerAs(db, clock, null);
    expect(await anonymous.pay.cancel({ sessionId: session.id })).toEqual({ state: "cancelled", cancelUrl: "https://shop.test/cart" });
    expect((await callApi(db, clock, getSession, { id: session.id })).body).toMatchObject({ status: "cancelled", orderId: null });
    expect((await anonymous.pay.session({ sessionId: session.id })).state).toBe("cancelled");

    const alice = await callerAs(db, clock, "alice@example.com");
    expect((await alice.pay.session({ sessionId: session.id })).credit).toBeNull();
    const before = await tableDigest(db);
    expect((await failure(alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_3" }))).domainCode).toBe("CHECKOUT_SESSION_CANCELLED");
    // Pressing Cancel again (a second tab, a double click) changes nothing and still leads back to the shop.
    expect(await alice.pay.cancel({ sessionId: session.id })).toEqual({ state: "cancelled", cancelUrl: "https://shop.test/cart" });
    expect(await tableDigest(db)).toBe(before);
    // Still cancelled after its hour would have run out.
    clock.set(new Date(new Date(session.expiresAt).getTime() + 1));
    expect((await callApi(db, clock, getSession, { id: session.id })).body.status).toBe("cancelled");
  });

  it("never undoes a confirmed order: Cancel is refused for anyone once the session is completed, and writes nothing", async () => {
    const { db, clock } = await seededDb();
    const { session, orderId } = await authorized(db, clock);
    const before = await tableDigest(db);
    for (const who of [null, "bob@example.com", "alice@example.com", "shop@example.com"]) {
      const caller = await callerAs(db, clock, who);
      expect([who, (await failure(caller.pay.cancel({ sessionId: session.id }))).domainCode]).toEqual([who, "CHECKOUT_SESSION_USED"]);
    }
    expect(await tableDigest(db)).toBe(before);
    expect((await callApi(db, clock, getOrder, { id: String(orderId) })).body.status).toBe("authorized");
    expect((await callApi(db, clock, getSession, { id: session.id })).body).toMatchObject({ status: "completed", orderId });
  });

  it("leaves an expired session expired, and answers an unknown one NOT_FOUND", async () => {
    const { db, clock } = await seededDb();
    const session = await newSession(db, clock);
    clock.set(new Date(new Date(session.expiresAt).getTime() + 1));
    const anonymous = await callerAs(db, clock, null);
    expect(await anonymous.pay.cancel({ sessionId: session.id })).toEqual({ state: "expired", cancelUrl: "https://shop.test/cart" });
    expect((await callApi(db, clock, getSession, { id: session.id })).body.status).toBe("expired");
    expect((await failure(anonymous.pay.cancel({ sessionId: `cs_${"x".repeat(24)}` }))).code).toBe("NOT_FOUND");
  });

  it("lets exactly one of a confirmation and a cancel of the same session land when they race, again and again", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const stranger = await callerAs(secondConnection(db), clock, null);
    const usedBefore = await usedCredit(db, "alice@example.com");
    let confirmed = 0;
    for (let round = 0; round < 6; round++) {
      const session = await newSession(db, clock, {
        amountFen: 1_000,
        merchantReference: `RACE-${round}`,
        items: [{ name: "Pen", quantity: 1, unitPriceFen: 1_000 }],
        successUrl: "https://shop.test/done",
        cancelUrl: "https://shop.test/cart",
      });
      const [confirm, cancel] = await Promise.allSettled([
        alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_30" }),
        stranger.pay.cancel({ sessionId: session.id }),
      ]);
      const status = (await callApi(db, clock, getSession, { id: session.id })).body.status;
      const orders = await count(db, sql`SELECT COUNT(*) AS "n" FROM orders WHERE idempotency_key = ${`checkout-session:${session.id}`}`);
      if (confirm.status === "fulfilled") {
        confirmed += 1;
        expect([cancel.status, status, orders]).toEqual(["rejected", "completed", 1]);
      } else {
        expect([cancel.status, status, orders]).toEqual(["fulfilled", "cancelled", 0]);
      }
    }
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore + confirmed * 1_000);
    expect(await checkInvariants(db)).toEqual([]);
  });
});

describe("a captured order", () => {
  it("is refunded in part through the API (the bill shrinks from its last instalment), and can no longer be cancelled", async () => {
    const { db, clock } = await seededDb();
    const { orderId } = await authorized(db, clock);
    const id = { id: String(orderId) };
    const early = await callApi(db, clock, createOrderRefund, id, { idempotencyKey: newKey("refund"), body: { amountFen: 100, reason: "Early" } });
    expect([early.status, early.body.code]).toEqual([409, "INVALID_TRANSITION"]);
    expect((await callApi(db, clock, captureOrderEndpoint, id, { idempotencyKey: newKey("cap"), body: {} })).status).toBe(200);
    expect((await callApi(db, clock, getOrder, id)).body).toMatchObject({ status: "placed", refundableFen: AMOUNT });
    const usedBefore = await usedCredit(db, "alice@example.com");

    const refund = await callApi(db, clock, createOrderRefund, id, {
      idempotencyKey: newKey("refund"),
      body: { amountFen: 10_000, reason: "Returned one lamp" },
    });
    expect([refund.status, refund.body.amountFen, refund.body.reducedBillFen]).toEqual([201, 10_000, 10_000]);
    expect((await callApi(db, clock, getOrder, id)).body).toMatchObject({ status: "placed", refundedFen: 10_000, refundableFen: AMOUNT - 10_000 });
    const left = await rows<{ amount: number; state: string }>(
      db,
      sql`SELECT i.amount_fen AS "amount", i.state FROM instalments i JOIN bills b ON b.id = i.bill_id WHERE b.order_id = ${orderId} ORDER BY i.seq`,
    );
    expect(left.map((i) => [Number(i.amount), i.state])).toEqual([
      [9_334, "open"],
      [8_666, "open"],
      [0, "void"],
    ]);
    expect(await usedCredit(db, "alice@example.com")).toBe(usedBefore - 10_000);

    const alice = await callerAs(db, clock, "alice@example.com");
    expect((await failure(alice.shop.cancelOrder({ orderId }))).domainCode).toBe("INVALID_TRANSITION");
    expect(await checkInvariants(db)).toEqual([]);
  });
});
