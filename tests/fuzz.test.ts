// Property-based fuzzing of every mutation in the router, called by the role it is for:
// random and near-valid inputs (wrong types, huge or negative numbers, long and unicode strings, extra fields)
// never cause an INTERNAL_SERVER_ERROR, and a refused call leaves every table exactly as it was.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { desc, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bool } from "@/db/dialect";
import { first, row } from "@/db/query";
import { policyVersions } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";
import { tableDigest } from "./digest";
import { fixedClock } from "@/server/clock";
import { createCheckoutSession } from "@/server/services/merchant-api/checkout-sessions";
import { callerAs, SEED_NOW, seededDb, userId } from "./helpers";
import { CARD } from "./fixtures";
import { systemClock } from "@/server/clock";
import { sendTestWebhook } from "@/server/services/webhooks/delivery-log";
import { createWebhookEndpoint } from "@/server/services/webhooks/manage-endpoints";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: string } };
const mutations = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures)
  .filter(([, p]) => p._def.type === "mutation")
  .map(([path, p]) => [path, p._def.meta?.access ?? "public"] as const);

const AS: Record<string, string | null> = {
  public: null,
  consumer: "alice@example.com",
  merchant: "shop@example.com",
  admin: "admin@example.com",
  customer: "bob@example.com",
};

const one = async (db: Db, query: SQL) => Object.values((await row<Record<string, unknown>>(db, query)) ?? { x: 1 })[0] as number;
const activeProduct = (db: Db) => one(db, sql`SELECT id FROM products WHERE active = ${bool(true)} ORDER BY id LIMIT 1`);

/** A valid input for each mutation (from the seeded database); the fuzzer mutates it. New mutations must add one. */
const VALID: Record<string, (db: Db) => Promise<Record<string, unknown> | undefined>> = {
  "account.signUp": async () => ({ name: "Fuzz Tester", email: "fuzz@example.com", password: "a-long-password" }),
  "shop.addToCart": async (db) => ({ productId: await activeProduct(db), quantity: 1, replaceCart: false }),
  "shop.setCartQuantity": async (db) => ({ productId: await activeProduct(db), quantity: 2 }),
  "shop.clearCart": async () => undefined,
  "shop.placeOrder": async (db) => ({
    shippingName: "Alice Wang",
    shippingPhone: "13800138000",
    shippingAddress: "1 Test Road, Shanghai",
    idempotencyKey: "fuzz-order-key-1",
    lines: [{ productId: await activeProduct(db), quantity: 1 }],
    paymentMethod: "pay_later",
    planCode: "pay_in_3",
    expectedTotalFen: await one(db, sql`SELECT price_fen FROM products WHERE id = ${await activeProduct(db)}`),
  }),
  "shop.cancelOrder": async (db) => ({
    orderId: await one(
      db,
      sql`SELECT id FROM orders WHERE consumer_id = ${await userId(db, "alice@example.com")} AND status = 'placed' ORDER BY id LIMIT 1`,
    ),
  }),
  "bills.repay": async (db) => ({
    billId: await one(
      db,
      sql`SELECT id FROM bills WHERE consumer_id = ${await userId(db, "alice@example.com")} AND status = 'open' ORDER BY id LIMIT 1`,
    ),
    amountFen: 100,
    cardNumber: CARD,
    idempotencyKey: "fuzz-repay-key-1",
  }),
  "credit.enablePayLater": async (db) => ({ agreementVersion: await one(db, sql`SELECT MAX(version) FROM agreements`), accepted: true }),
  "credit.disablePayLater": async () => undefined,
  "notifications.markAllRead": async () => undefined,
  "support.ask": async () => ({ topic: "fees", message: "How is the late fee worked out?" }),
  "admin.answerTicket": async (db) => ({
    ticketId: await one(db, sql`SELECT id FROM support_tickets WHERE status = 'open' ORDER BY id LIMIT 1`),
    answer: "It is ¥15, capped at 25%.",
  }),
  "merchant.updateSettings": async () => ({
    name: "Lumen Electronics",
    description: "Gadgets",
    category: "Electronics",
    offerPayLater: true,
    payLaterMinFen: null,
    payLaterMaxFen: null,
  }),
  "merchant.developers.createApiKey": async () => ({ name: "Fuzz shop" }),
  "merchant.developers.revokeApiKey": async (db) => ({
    keyId: await one(
      db,
      sql`SELECT k.id FROM api_keys k JOIN stores s ON s.id = k.store_id JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com' ORDER BY k.id LIMIT 1`,
    ),
  }),
  "merchant.developers.webhooks.createEndpoint": async () => ({
    url: "https://shop.example.com/houfu/webhooks",
    events: ["order.refunded", "bill.paid"],
  }),
  "merchant.developers.webhooks.setEndpointEnabled": async (db) => ({ endpointId: (await lumenEndpoint(db)).endpointId, enabled: false }),
  "merchant.developers.webhooks.deleteEndpoint": async (db) => ({ endpointId: (await lumenEndpoint(db)).endpointId }),
  "merchant.developers.webhooks.sendTestEvent": async (db) => ({ endpointId: (await lumenEndpoint(db)).endpointId }),
  "merchant.developers.webhooks.redeliver": async (db) => ({ deliveryId: (await lumenEndpoint(db)).deliveryId }),
  "merchant.developers.webhooks.createPublishableKey": async () => undefined,
  "merchant.products.create": async () => ({ name: "Fuzz Lamp", description: "A lamp", priceFen: 9900, stock: 5 }),
  "merchant.products.update": async (db) => ({
    productId: await lumen(db, "products"),
    name: "Fuzz Lamp",
    description: "A lamp",
    priceFen: 9900,
    stock: 5,
  }),
  "merchant.products.setActive": async (db) => ({ productId: await lumen(db, "products"), active: false }),
  "merchant.orders.ship": async (db) => ({ orderId: await lumen(db, "orders", sql`status = 'placed'`) }),
  "merchant.orders.complete": async (db) => ({ orderId: await lumen(db, "orders", sql`status = 'shipped'`) }),
  "merchant.orders.cancel": async (db) => ({ orderId: await lumen(db, "orders", sql`status = 'placed'`), reason: "Out of stock" }),
  "merchant.orders.refund": async (db) => ({
    orderId: await lumen(db, "orders", sql`status = 'completed'`),
    amountFen: 100,
    reason: "Damaged item",
    idempotencyKey: "fuzz-refund-key-1",
  }),
  "bills.extendDueDate": async (db) => ({
    instalmentId: await one(
      db,
      sql`SELECT i.id FROM instalments i JOIN users u ON u.id = i.consumer_id WHERE u.email = 'alice@example.com' AND i.state = 'open' ORDER BY i.due_date DESC LIMIT 1`,
    ),
    days: 7,
    idempotencyKey: "fuzz-extend-key-1",
  }),
  "autopay.saveCard": async () => ({ cardNumber: CARD }),
  "autopay.setEnabled": async () => ({ enabled: true }),
  "autopay.removeCard": async () => undefined,
  "pay.confirm": async (db) => ({ sessionId: await openCheckoutSession(db), planCode: "pay_in_3" }),
  "pay.cancel": async (db) => ({ sessionId: await openCheckoutSession(db) }),
  "admin.updatePolicy": async (db) => ({
    // (read through the query builder: params are JSON text on SQLite and jsonb on PostgreSQL)
    params: (await first(db.select({ params: policyVersions.params }).from(policyVersions).orderBy(desc(policyVersions.version)).limit(1)))!.params,
    note: "Fuzzed policy",
  }),
  "admin.adjustScore": async (db) => ({ consumerId: await userId(db, "bob@example.com"), delta: 10, reason: "Fuzz" }),
  "admin.suspendPayLater": async (db) => ({ consumerId: await userId(db, "alice@example.com"), reason: "Fuzz" }),
  "admin.reinstatePayLater": async (db) => ({ consumerId: await userId(db, "dave@example.com"), reason: "Fuzz" }),
  "admin.setStoreActive": async (db) => ({ storeId: await one(db, sql`SELECT id FROM stores ORDER BY id LIMIT 1`), active: false }),
  "admin.setPayLaterForcedOff": async (db) => ({
    storeId: await one(db, sql`SELECT id FROM stores ORDER BY id LIMIT 1`),
    forcedOff: true,
    reason: "Fuzz",
  }),
  // alice owes, so closing is refused (and must write nothing); exporting takes no input.
  "privacy.exportData": async () => undefined,
  "privacy.closeAccount": async () => ({ confirm: "CLOSE" }),
};

/** A webhook endpoint of Lumen's with one delivery (the seed has none). */
async function lumenEndpoint(db: Db) {
  const storeId = await one(db, sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com'`);
  const actor = { userId: await userId(db, "shop@example.com"), role: "merchant" as const };
  const endpoint = await createWebhookEndpoint(db, systemClock, { storeId, actor, url: "https://shop.example.com/fuzz", events: ["order.refunded"] });
  const sent = await sendTestWebhook(db, systemClock, { storeId, endpointId: endpoint.id });
  return { endpointId: endpoint.id, deliveryId: sent.deliveryId };
}

/** A merchant API checkout session of Lumen's, open at the seed's time (the fuzz callers' clock). */
async function openCheckoutSession(db: Db): Promise<string> {
  const store = await one(db, sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com'`);
  const items = [{ name: "Fuzz lamp", quantity: 1, unitPriceFen: 9_900 }];
  const session = await createCheckoutSession(db, fixedClock(SEED_NOW), {
    storeId: store,
    amountFen: 9_900,
    merchantReference: "FUZZ-1",
    items,
    successUrl: "https://shop.test/done",
    cancelUrl: "https://shop.test/cart",
  });
  return session.id;
}

function lumen(db: Db, table: "orders" | "products", where: SQL = sql`1 = 1`): Promise<number> {
  return one(
    db,
    sql`SELECT t.id FROM ${sql.raw(table)} t JOIN stores s ON s.id = t.store_id JOIN users u ON u.id = s.owner_user_id
      WHERE u.email = 'shop@example.com' AND ${where} ORDER BY t.id LIMIT 1`,
  );
}

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    -100_000_001,
    100_000_001,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    "",
    " ",
    "0",
    "-1",
    "1e9",
    "null",
    "'; DROP TABLE users; --",
    "x".repeat(10_000),
    "后付".repeat(500),
    "\u0000\uFFFF\uD800",
    "😀".repeat(300),
    [],
    {},
    [1, 2, 3],
    { id: 1 },
    "2026-02-30",
    "9999-99-99",
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 400, unit: "grapheme" }),
  fc.string({ maxLength: 40, unit: "binary" }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Near-valid: the valid input with one or two fields replaced, removed, or an extra field; or something else entirely. */
function inputs(valid: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid ?? {});
  const replaced =
    keys.length === 0
      ? nasty
      : fc
          .tuple(fc.constantFrom(...keys), nasty, fc.constantFrom(...keys), nasty, fc.boolean())
          .map(([k1, v1, k2, v2, both]) => ({ ...valid, [k1]: v1, ...(both ? { [k2]: v2 } : {}) }));
  const numbersNudged =
    keys.length === 0
      ? nasty
      : fc
          .tuple(fc.constantFrom(...keys), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }))
          .map(([k, n]) => ({ ...valid, [k]: typeof valid?.[k] === "number" ? (valid[k] as number) + n : n }));
  return fc.oneof(
    { arbitrary: replaced, weight: 5 },
    { arbitrary: numbersNudged, weight: 2 },
    { arbitrary: nasty, weight: 2 },
    { arbitrary: fc.constant(valid), weight: 1 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 6 }), weight: 1 },
  );
}

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

describe("fuzzing every mutation", () => {
  it("has a valid example for every mutation in the router (add one for each new mutation)", () => {
    expect(mutations.length).toBeGreaterThan(10);
    expect(mutations.map(([path]) => path).filter((path) => !VALID[path])).toEqual([]);
  });

  it.each(mutations.filter(([path]) => VALID[path]))(
    "%s (%s): no internal error, and a refusal writes nothing",
    async (path, access) => {
      const { db, clock } = await seededDb();
      const caller = await callerAs(db, clock, AS[access] ?? null);
      const valid = await VALID[path]!(db);
      // The example really is valid: it passes the input schema (so the fuzzer mutates something meaningful).
      const validOutcome = await call(caller, path, valid).then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError && e.cause?.name === "ZodError" ? `INVALID ${e.message}` : "REFUSED OR OK"),
      );
      expect(validOutcome).not.toMatch(/^INVALID/);
      await fc.assert(
        fc.asyncProperty(inputs(valid), async (input) => {
          const before = await tableDigest(db);
          try {
            await call(caller, path, input);
          } catch (error) {
            if (!(error instanceof TRPCError)) throw new Error(`${path} threw a non-tRPC error: ${String(error)}`);
            if (error.code === "INTERNAL_SERVER_ERROR") throw new Error(`${path} failed internally: ${error.message} ${String(error.cause)}`);
            if ((await tableDigest(db)) !== before) throw new Error(`${path} refused (${error.code}: ${error.message}) but changed the database`);
          }
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    },
    60_000,
  );
});
