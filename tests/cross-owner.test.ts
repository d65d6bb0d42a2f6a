// Cross-owner matrix: every procedure whose input names a record by id is called by "another" consumer or merchant
// with ids that belong to someone else. It must refuse (NOT_FOUND / FORBIDDEN) or stay scoped to the caller,
// never return the other's data, and a refusal writes nothing (digest of every table before and after).
// The list of id-taking procedures comes from the router: a new one fails here until it has a case.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first, row, rows } from "@/db/query";
import { creditEvents } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";
import { tableDigest, inputKeys } from "./digest";
import { fixedClock } from "@/server/clock";
import { createCheckoutSession } from "@/server/services/merchant-api/checkout-sessions";
import { confirmCheckoutSession } from "@/server/services/merchant-api/hosted-checkout";
import { callerAs, SEED_NOW, seededDb, userId } from "./helpers";
import { encodeTimeCursor } from "@/server/domain/cursor";
import { CARD, SHIPPING } from "./fixtures";
import { sendTestWebhook } from "@/server/services/webhooks/delivery-log";
import { createWebhookEndpoint } from "@/server/services/webhooks/manage-endpoints";

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: string; inputs?: unknown[] } };
const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures);
const ID_LIKE = /(^id$|Id$)/;
const idTaking = procedures
  .filter(([, p]) => (p._def.inputs ?? []).some((schema) => inputKeys(schema).some((k) => ID_LIKE.test(k))))
  .map(([path]) => path)
  .sort();

/** The first column of the first row of a query over the seed (an id). */
async function one(db: Db, what: string, query: SQL): Promise<number> {
  const found = await row<Record<string, unknown>>(db, query);
  if (!found) throw new Error(`Seed has no row for: ${what}`);
  return Number(Object.values(found)[0]);
}

/** Ids that belong to alice (consumer) and to Lumen Electronics (shop@example.com). */
async function victimIds(db: Db) {
  const alice = await userId(db, "alice@example.com");
  const lumen = await one(db, "Lumen", sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com'`);
  const aliceLastEvent = await first(
    db
      .select({ id: creditEvents.id, createdAt: creditEvents.createdAt })
      .from(creditEvents)
      .where(eq(creditEvents.userId, alice))
      .orderBy(desc(creditEvents.id))
      .limit(1),
  );
  if (!aliceLastEvent) throw new Error("Seed has no row for: alice's last credit event");
  // The seed has no webhook endpoint: Lumen gets one, with one delivery in its log.
  const clock = fixedClock(aliceLastEvent.createdAt);
  const shopActor = { userId: await userId(db, "shop@example.com"), role: "merchant" as const };
  const lumenEndpoint = (
    await createWebhookEndpoint(db, clock, { storeId: lumen, actor: shopActor, url: "https://lumen.example.com/hooks", events: ["order.refunded"] })
  ).id;
  const lumenDelivery = (await sendTestWebhook(db, clock, { storeId: lumen, endpointId: lumenEndpoint })).deliveryId;
  return {
    alice,
    lumen,
    lumenEndpoint,
    lumenDelivery,
    aliceOrder: await one(db, "alice's order", sql`SELECT id FROM orders WHERE consumer_id = ${alice} ORDER BY (status = 'placed') DESC, id LIMIT 1`),
    aliceBill: await one(db, "alice's open bill", sql`SELECT id FROM bills WHERE consumer_id = ${alice} AND status = 'open' ORDER BY id LIMIT 1`),
    aliceInstalment: await one(
      db,
      "alice's open instalment",
      sql`SELECT id FROM instalments WHERE consumer_id = ${alice} AND state = 'open' ORDER BY id DESC LIMIT 1`,
    ),
    aliceEvent: aliceLastEvent.id,
    aliceEventAt: aliceLastEvent.createdAt.getTime(),
    lumenPlaced: await one(
      db,
      "Lumen's placed order",
      sql`SELECT id FROM orders WHERE store_id = ${lumen} AND status = 'placed' ORDER BY id LIMIT 1`,
    ),
    lumenShipped: await one(
      db,
      "Lumen's shipped order",
      sql`SELECT id FROM orders WHERE store_id = ${lumen} AND status IN ('shipped', 'placed') ORDER BY (status = 'shipped') DESC, id LIMIT 1`,
    ),
    lumenRefundable: await one(
      db,
      "Lumen's refundable order",
      sql`SELECT id FROM orders WHERE store_id = ${lumen} AND status IN ('completed', 'shipped', 'placed') AND refunded_fen < total_fen ORDER BY (status = 'completed') DESC, id LIMIT 1`,
    ),
    lumenApiKey: await one(db, "Lumen's API key", sql`SELECT id FROM api_keys WHERE store_id = ${lumen} AND revoked_at IS NULL ORDER BY id LIMIT 1`),
    lumenProduct: await one(db, "Lumen's product", sql`SELECT id FROM products WHERE store_id = ${lumen} ORDER BY id LIMIT 1`),
    aliceCheckout: await aliceConfirmedCheckout(db, lumen, alice),
  };
}
type Ids = Awaited<ReturnType<typeof victimIds>>;

/** A merchant API checkout session at Lumen that alice confirmed: its id and her authorized order's. */
async function aliceConfirmedCheckout(db: Db, storeId: number, alice: number) {
  const clock = fixedClock(SEED_NOW);
  const session = await createCheckoutSession(db, clock, {
    storeId,
    amountFen: 5_000,
    merchantReference: "CROSS-1",
    items: [{ name: "Cable", quantity: 1, unitPriceFen: 5_000 }],
    successUrl: "https://shop.test/done",
    cancelUrl: "https://shop.test/cart",
  });
  const authorized = await confirmCheckoutSession(db, clock, { sessionId: session.id, consumerId: alice, planCode: "pay_in_30" });
  return { sessionId: session.id, orderId: authorized.orderId, number: authorized.number };
}

type Case =
  | { kind: "refused"; as: string; input: (ids: Ids) => unknown }
  // Allowed by design (public catalogue ids), but the call may only touch the caller's own rows.
  | {
      kind: "scoped";
      as: string;
      input: (ids: Ids) => unknown;
      victimRows: (db: Db, ids: Ids) => Promise<unknown>;
      leaks: (result: unknown, ids: Ids) => boolean;
    }
  | { kind: "exempt"; why: string };

const aliceCart = (db: Db, ids: Ids) => rows(db, sql`SELECT * FROM cart_items WHERE user_id = ${ids.alice} ORDER BY product_id`);
const aliceOrders = (db: Db, ids: Ids) => rows(db, sql`SELECT * FROM orders WHERE consumer_id = ${ids.alice} ORDER BY id`);
const ADMIN_WHY = "admin acts platform-wide by design; every other role is refused (tests/authz-matrix.test.ts)";

const CASES: Record<string, Case> = {
  // A checkout session's id is a bearer link (anyone holding it sees what is bought), but only the shopper who
  // confirmed it learns the order it made; another shopper's confirmation is refused and changes nothing of alice's.
  "pay.session": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({ sessionId: i.aliceCheckout.sessionId }),
    victimRows: aliceOrders,
    leaks: (result, i) => JSON.stringify(result ?? null).includes(i.aliceCheckout.number),
  },
  "pay.confirm": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({ sessionId: i.aliceCheckout.sessionId, planCode: "pay_in_30" }),
    victimRows: aliceOrders,
    leaks: (result, i) => JSON.stringify(result ?? null).includes(i.aliceCheckout.number),
  },
  // Whoever holds the page may cancel it while it is open; once alice confirmed, bob's Cancel is refused and her
  // order and the session stay as they were.
  "pay.cancel": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({ sessionId: i.aliceCheckout.sessionId }),
    victimRows: async (db, i) => [
      await aliceOrders(db, i),
      await rows(db, sql`SELECT status, cancelled_at FROM checkout_sessions WHERE id = ${i.aliceCheckout.sessionId}`),
    ],
    leaks: (result, i) => JSON.stringify(result ?? null).includes(i.aliceCheckout.number),
  },
  "shop.order": { kind: "refused", as: "bob@example.com", input: (i) => ({ orderId: i.aliceOrder }) },
  "shop.cancelOrder": { kind: "refused", as: "bob@example.com", input: (i) => ({ orderId: i.aliceOrder }) },
  "bills.repay": {
    kind: "refused",
    as: "bob@example.com",
    input: (i) => ({ billId: i.aliceBill, amountFen: 100, cardNumber: CARD, idempotencyKey: "cross-owner-repay-1" }),
  },
  // Due-date extension.
  "bills.previewExtension": { kind: "refused", as: "bob@example.com", input: (i) => ({ instalmentId: i.aliceInstalment, days: 3 }) },
  "bills.extendDueDate": {
    kind: "refused",
    as: "bob@example.com",
    input: (i) => ({ instalmentId: i.aliceInstalment, days: 3, idempotencyKey: "cross-owner-extend-1" }),
  },
  "shop.addToCart": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({ productId: i.lumenProduct, quantity: 1, replaceCart: true }),
    victimRows: aliceCart,
    leaks: () => false,
  },
  "shop.setCartQuantity": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({ productId: i.lumenProduct, quantity: 0 }),
    victimRows: aliceCart,
    leaks: () => false,
  },
  "shop.placeOrder": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({
      ...SHIPPING,
      idempotencyKey: "cross-owner-order-1",
      lines: [{ productId: i.lumenProduct, quantity: 1 }],
      paymentMethod: "pay_now",
      cardNumber: CARD,
    }),
    victimRows: aliceOrders,
    leaks: (result, i) => JSON.stringify(result ?? null).includes(`"consumerId":${i.alice}`),
  },
  "merchant.orders.detail": { kind: "refused", as: "tea@example.com", input: (i) => ({ orderId: i.lumenPlaced }) },
  "merchant.orders.ship": { kind: "refused", as: "tea@example.com", input: (i) => ({ orderId: i.lumenPlaced }) },
  "merchant.orders.complete": { kind: "refused", as: "tea@example.com", input: (i) => ({ orderId: i.lumenShipped }) },
  "merchant.orders.cancel": { kind: "refused", as: "tea@example.com", input: (i) => ({ orderId: i.lumenPlaced, reason: "not mine" }) },
  "merchant.orders.refund": {
    kind: "refused",
    as: "tea@example.com",
    input: (i) => ({ orderId: i.lumenRefundable, amountFen: 1, reason: "cross-owner refund", idempotencyKey: "cross-owner-refund-1" }),
  },
  "merchant.developers.revokeApiKey": { kind: "refused", as: "tea@example.com", input: (i) => ({ keyId: i.lumenApiKey }) },
  "merchant.developers.webhooks.setEndpointEnabled": {
    kind: "refused",
    as: "tea@example.com",
    input: (i) => ({ endpointId: i.lumenEndpoint, enabled: false }),
  },
  "merchant.developers.webhooks.deleteEndpoint": { kind: "refused", as: "tea@example.com", input: (i) => ({ endpointId: i.lumenEndpoint }) },
  "merchant.developers.webhooks.deliveries": { kind: "refused", as: "tea@example.com", input: (i) => ({ endpointId: i.lumenEndpoint }) },
  "merchant.developers.webhooks.sendTestEvent": { kind: "refused", as: "tea@example.com", input: (i) => ({ endpointId: i.lumenEndpoint }) },
  "merchant.developers.webhooks.redeliver": { kind: "refused", as: "tea@example.com", input: (i) => ({ deliveryId: i.lumenDelivery }) },
  "merchant.products.get": { kind: "refused", as: "tea@example.com", input: (i) => ({ productId: i.lumenProduct }) },
  "merchant.products.update": {
    kind: "refused",
    as: "tea@example.com",
    input: (i) => ({ productId: i.lumenProduct, name: "Stolen", description: "", priceFen: 1, stock: 1 }),
  },
  "merchant.products.setActive": { kind: "refused", as: "tea@example.com", input: (i) => ({ productId: i.lumenProduct, active: false }) },
  "admin.consumer": { kind: "exempt", why: ADMIN_WHY },
  "admin.adjustScore": { kind: "exempt", why: ADMIN_WHY },
  "admin.suspendPayLater": { kind: "exempt", why: ADMIN_WHY },
  "admin.reinstatePayLater": { kind: "exempt", why: ADMIN_WHY },
  "admin.setStoreActive": { kind: "exempt", why: ADMIN_WHY },
  "admin.setPayLaterForcedOff": { kind: "exempt", why: ADMIN_WHY },
  "admin.audit": { kind: "exempt", why: ADMIN_WHY },
  "admin.answerTicket": { kind: "exempt", why: ADMIN_WHY },
};

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

// Lists whose page cursor names a row of someone else's: not id-taking inputs (a cursor is opaque text), same check.
const CURSOR_CASES: Record<string, Case> = {
  "credit.events": {
    kind: "scoped",
    as: "bob@example.com",
    input: (i) => ({ limit: 100, cursor: encodeTimeCursor(new Date(i.aliceEventAt + 1), i.aliceEvent + 1) }),
    victimRows: (db, i) => rows(db, sql`SELECT * FROM credit_events WHERE user_id = ${i.alice} ORDER BY id`),
    leaks: (result, i) => {
      const events = (result as { events?: { id: number }[] } | null)?.events;
      if (!Array.isArray(events)) return result !== null; // an unexpected shape counts as a leak until looked at
      return events.some((e) => e.id === i.aliceEvent);
    },
  },
  // a statement is named by its month; bob (no pay-later bills) asking for alice's month gets none of hers.
  "statements.get": { kind: "refused", as: "bob@example.com", input: () => ({ month: SEED_NOW.toISOString().slice(0, 7) }) },
};

describe("cross-owner matrix", () => {
  it("finds the id-taking procedures in the router", () => {
    expect(idTaking).toEqual(expect.arrayContaining(["shop.order", "bills.repay", "merchant.orders.refund", "merchant.products.update"]));
  });

  it("has a case for every procedure taking an id (add one for each new procedure)", () => {
    expect(idTaking.filter((path) => !CASES[path])).toEqual([]);
    expect(Object.keys(CASES).filter((path) => !idTaking.includes(path))).toEqual([]);
  });

  it.each(Object.entries({ ...CASES, ...CURSOR_CASES }).filter(([, c]) => c.kind !== "exempt"))("%s as another owner", async (path, c) => {
    const { db, clock } = await seededDb();
    const ids = await victimIds(db);
    if (c.kind === "exempt") return;
    const caller = await callerAs(db, clock, c.as);
    if (c.kind === "refused") {
      const before = await tableDigest(db);
      const error = await call(caller, path, c.input(ids)).then(
        (value) => ({ value }),
        (e: unknown) => e,
      );
      expect(error, `${path} returned another's data`).toBeInstanceOf(TRPCError);
      expect([path, (error as TRPCError).code]).toEqual([path, expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/)]);
      expect(await tableDigest(db), `${path} wrote while refusing`).toBe(before);
      // The owner's own call with the same ids is not refused for ownership: the case is a real one.
      const owner = await callerAs(db, clock, c.as === "bob@example.com" ? "alice@example.com" : "shop@example.com");
      const ownerOutcome = await call(owner, path, c.input(ids)).then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError ? e.code : "THREW"),
      );
      expect([path, ownerOutcome]).not.toEqual([path, "NOT_FOUND"]);
    } else {
      const before = JSON.stringify(await c.victimRows(db, ids));
      const result = await call(caller, path, c.input(ids)).catch((e: unknown) => {
        expect(e).toBeInstanceOf(TRPCError);
        expect((e as TRPCError).code).not.toBe("INTERNAL_SERVER_ERROR");
        return null;
      });
      expect(c.leaks(result, ids), `${path} returned another's data`).toBe(false);
      expect(JSON.stringify(await c.victimRows(db, ids)), `${path} touched another's rows`).toBe(before);
    }
  });
});
