// Property-based fuzzing of every mutation in the router, called by the role it is for:
// random and near-valid inputs (wrong types, huge or negative numbers, long and unicode strings, extra fields)
// never cause an INTERNAL_SERVER_ERROR, and a refused call leaves every table exactly as it was.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";
import { tableDigest } from "./digest";
import { callerAs, seededDb, userId } from "./helpers";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: string } };
const mutations = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures)
  .filter(([, p]) => p._def.type === "mutation")
  .map(([path, p]) => [path, p._def.meta?.access ?? "public"] as const);

const AS: Record<string, string | null> = { public: null, consumer: "alice@example.com", merchant: "shop@example.com", admin: "admin@example.com" };

const one = (db: Db, sql: string, ...params: unknown[]) => Object.values((db.$client.prepare(sql).get(...params) as Record<string, unknown>) ?? { x: 1 })[0] as number;

/** A valid input for each mutation (from the seeded database); the fuzzer mutates it. New mutations must add one. */
const VALID: Record<string, (db: Db) => Record<string, unknown> | undefined> = {
  "account.signUp": () => ({ name: "Fuzz Tester", email: "fuzz@example.com", password: "a-long-password" }),
  "shop.addToCart": (db) => ({ productId: one(db, "SELECT id FROM products WHERE active = 1 LIMIT 1"), quantity: 1, replaceCart: false }),
  "shop.setCartQuantity": (db) => ({ productId: one(db, "SELECT id FROM products WHERE active = 1 LIMIT 1"), quantity: 2 }),
  "shop.clearCart": () => undefined,
  "shop.placeOrder": (db) => ({
    shippingName: "Alice Wang",
    shippingPhone: "13800138000",
    shippingAddress: "1 Test Road, Shanghai",
    idempotencyKey: "fuzz-order-key-1",
    lines: [{ productId: one(db, "SELECT id FROM products WHERE active = 1 LIMIT 1"), quantity: 1 }],
    paymentMethod: "pay_later",
    planCode: "pay_in_3",
  }),
  "shop.cancelOrder": (db) => ({ orderId: one(db, "SELECT id FROM orders WHERE consumer_id = ? AND status = 'placed' LIMIT 1", userId(db, "alice@example.com")) }),
  "bills.repay": (db) => ({
    billId: one(db, "SELECT id FROM bills WHERE consumer_id = ? AND status = 'open' LIMIT 1", userId(db, "alice@example.com")),
    amountFen: 100,
    cardNumber: "4242 4242 4242 4242",
    idempotencyKey: "fuzz-repay-key-1",
  }),
  "credit.enablePayLater": (db) => ({ agreementVersion: one(db, "SELECT MAX(version) FROM agreements"), accepted: true }),
  "credit.disablePayLater": () => undefined,
  "notifications.markAllRead": () => undefined,
  "merchant.updateSettings": () => ({ name: "Lumen Electronics", description: "Gadgets", category: "Electronics", offerPayLater: true, payLaterMinFen: null, payLaterMaxFen: null }),
  "merchant.products.create": () => ({ name: "Fuzz Lamp", description: "A lamp", priceFen: 9900, stock: 5 }),
  "merchant.products.update": (db) => ({ productId: lumen(db, "products"), name: "Fuzz Lamp", description: "A lamp", priceFen: 9900, stock: 5 }),
  "merchant.products.setActive": (db) => ({ productId: lumen(db, "products"), active: false }),
  "merchant.orders.ship": (db) => ({ orderId: lumen(db, "orders", "status = 'placed'") }),
  "merchant.orders.complete": (db) => ({ orderId: lumen(db, "orders", "status = 'shipped'") }),
  "merchant.orders.cancel": (db) => ({ orderId: lumen(db, "orders", "status = 'placed'"), reason: "Out of stock" }),
  "merchant.orders.refund": (db) => ({ orderId: lumen(db, "orders", "status = 'completed'"), amountFen: 100, reason: "Damaged item", idempotencyKey: "fuzz-refund-key-1" }),
  "admin.updatePolicy": (db) => ({ params: JSON.parse(String(one(db, "SELECT params FROM policy_versions ORDER BY version DESC LIMIT 1"))), note: "Fuzzed policy" }),
  "admin.adjustScore": (db) => ({ consumerId: userId(db, "bob@example.com"), delta: 10, reason: "Fuzz" }),
  "admin.suspendPayLater": (db) => ({ consumerId: userId(db, "alice@example.com"), reason: "Fuzz" }),
  "admin.reinstatePayLater": (db) => ({ consumerId: userId(db, "dave@example.com"), reason: "Fuzz" }),
  "admin.setStoreActive": (db) => ({ storeId: one(db, "SELECT id FROM stores LIMIT 1"), active: false }),
  "admin.setPayLaterForcedOff": (db) => ({ storeId: one(db, "SELECT id FROM stores LIMIT 1"), forcedOff: true }),
};

function lumen(db: Db, table: "orders" | "products", where = "1 = 1"): number {
  return one(db, `SELECT t.id FROM ${table} t JOIN stores s ON s.id = t.store_id JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com' AND ${where} LIMIT 1`);
}

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined, null, true, false, 0, -0, -1, 1.5, -100_000_001, 100_000_001, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308,
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "", " ", "0", "-1", "1e9", "null", "'; DROP TABLE users; --",
    "x".repeat(10_000), "后付".repeat(500), "\u0000\uFFFF\uD800", "😀".repeat(300), [], {}, [1, 2, 3], { id: 1 }, "2026-02-30", "9999-99-99",
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
      const caller = callerAs(db, clock, AS[access] ?? null);
      const valid = VALID[path]!(db);
      // The example really is valid: it passes the input schema (so the fuzzer mutates something meaningful).
      const validOutcome = await call(caller, path, valid).then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError && e.cause?.name === "ZodError" ? `INVALID ${e.message}` : "REFUSED OR OK"),
      );
      expect(validOutcome).not.toMatch(/^INVALID/);
      await fc.assert(
        fc.asyncProperty(inputs(valid), async (input) => {
          const before = tableDigest(db);
          try {
            await call(caller, path, input);
          } catch (error) {
            if (!(error instanceof TRPCError)) throw new Error(`${path} threw a non-tRPC error: ${String(error)}`);
            if (error.code === "INTERNAL_SERVER_ERROR") throw new Error(`${path} failed internally: ${error.message} ${String(error.cause)}`);
            if (tableDigest(db) !== before) throw new Error(`${path} refused (${error.code}: ${error.message}) but changed the database`);
          }
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    },
    60_000,
  );
});
