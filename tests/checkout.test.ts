import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { first, row } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { bills, cartItems, creditProfiles, instalments, orders, policyVersions, products, stores } from "@/db/schema";
import { DEFAULT_POLICY } from "@/server/domain/policy";
import type { PaymentProvider } from "@/server/services/payments/provider";
import { simulatedProvider } from "@/server/services/payments/provider";
import { placeOrder } from "@/server/services/orders/place-order";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, seededDb, userId } from "./helpers";
import { CARD, DECLINED_CARD, newKey, SHIPPING } from "./fixtures";

const MOUSE = "Nimbus Wireless Mouse"; // ¥149, stock 120
const POWER_BANK = "Orbit 10,000 mAh Power Bank"; // stock 0
const TAB = "Lumen Tab 11"; // ¥3,299, stock 20
const LONGJING = "West Lake Longjing Green Tea 250g"; // Cloud Tea House

async function product(db: Db, name: string) {
  return (await first(db.select().from(products).where(eq(products.name, name))))!;
}

async function lumen(db: Db) {
  return (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
}

async function domainCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return (error.cause as { code?: string } | undefined)?.code ?? error.code;
    throw error;
  }
}

/** A direct write that sets up a case, in a transaction as every write must be. */
async function write(db: Db, statement: (tx: Db) => PromiseLike<unknown>): Promise<void> {
  await withTransaction(db, async (tx) => {
    await statement(tx);
  });
}

/** Row counts of everything an order writes, and the stock and credit it moves. */
async function footprint(db: Db) {
  const count = async (table: string) => (await row<{ n: number }>(db, sql.raw(`SELECT COUNT(*) AS n FROM ${table}`)))!.n;
  return {
    orders: await count("orders"),
    orderLines: await count("order_lines"),
    orderEvents: await count("order_events"),
    bills: await count("bills"),
    instalments: await count("instalments"),
    payments: await count("payments"),
    cartItems: await count("cart_items"),
    stock: (await row<{ n: number }>(db, sql`SELECT SUM(stock) AS n FROM products`))!.n,
    usedCredit: (await row<{ n: number }>(db, sql`SELECT SUM(used_credit_fen) AS n FROM credit_profiles`))!.n,
  };
}

async function orderLines(db: Db, items: [string, number][]) {
  const lines: { productId: number; quantity: number }[] = [];
  for (const [name, quantity] of items) lines.push({ productId: (await product(db, name)).id, quantity });
  return lines;
}

/** What the checkout page would show for these items. */
async function shownTotal(db: Db, items: [string, number][]) {
  let total = 0;
  for (const [name, quantity] of items) total += (await product(db, name)).priceFen * quantity;
  return total;
}

async function payLaterOrder(db: Db, items: [string, number][], planCode: "pay_in_30" | "pay_in_3" = "pay_in_3") {
  return {
    ...SHIPPING,
    idempotencyKey: newKey(),
    lines: await orderLines(db, items),
    paymentMethod: "pay_later" as const,
    planCode,
    expectedTotalFen: await shownTotal(db, items),
  };
}

async function payNowOrder(db: Db, items: [string, number][], cardNumber = CARD) {
  return {
    ...SHIPPING,
    idempotencyKey: newKey(),
    lines: await orderLines(db, items),
    paymentMethod: "pay_now" as const,
    cardNumber,
    expectedTotalFen: await shownTotal(db, items),
  };
}

/** Unpaid principal of the consumer's open instalments: what used credit must equal. */
async function unpaidPrincipal(db: Db, consumerId: number): Promise<number> {
  return (await row<{ n: number }>(
    db,
    sql`SELECT COALESCE(SUM(amount_fen - paid_principal_fen), 0) AS n FROM instalments WHERE consumer_id = ${consumerId} AND state = 'open'`,
  ))!.n;
}

async function usedCredit(db: Db, consumerId: number): Promise<number> {
  return (await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, consumerId))))!.usedCreditFen;
}

describe("pay-later eligibility at checkout", () => {
  const cases: {
    code: string;
    note?: string;
    email: string;
    items: [string, number][];
    arrange?: (db: Db, clock: { advanceDays(n: number): void }) => Promise<void> | void;
  }[] = [
    { code: "STORE_NO_PAY_LATER", email: "alice@example.com", items: [[LONGJING, 1]] },
    {
      code: "BELOW_STORE_MINIMUM",
      email: "alice@example.com",
      items: [[MOUSE, 1]],
      arrange: (db) => write(db, (tx) => tx.update(stores).set({ payLaterMinFen: 50_000 }).where(eq(stores.slug, "lumen-electronics"))),
    },
    {
      code: "ABOVE_STORE_MAXIMUM",
      email: "alice@example.com",
      items: [[MOUSE, 2]],
      arrange: (db) => write(db, (tx) => tx.update(stores).set({ payLaterMaxFen: 20_000 }).where(eq(stores.slug, "lumen-electronics"))),
    },
    { code: "PAY_LATER_NOT_ENABLED", email: "bob@example.com", items: [[MOUSE, 1]] },
    { code: "PAY_LATER_SUSPENDED", email: "dave@example.com", items: [[MOUSE, 1]] },
    {
      code: "SCORE_BELOW_THRESHOLD",
      email: "alice@example.com",
      items: [[MOUSE, 1]],
      // A new policy version raises the threshold above alice's 760: the check uses the current version.
      arrange: (db) =>
        write(db, (tx) =>
          tx.insert(policyVersions).values({
            version: 2,
            params: { ...DEFAULT_POLICY, minScore: 800, bands: [{ minScore: 800, maxScore: 950, limitFen: 1_000_000 }] },
            note: "Stricter",
            createdAt: new Date(),
          }),
        ),
    },
    { code: "SCORE_BELOW_THRESHOLD", note: " (carol, 520, not enabled)", email: "carol@example.com", items: [[MOUSE, 1]] },
    // Alice's first instalment passes its due date and grace; the jobs have not run, she is still "enabled".
    { code: "HAS_OVERDUE", email: "alice@example.com", items: [[MOUSE, 1]], arrange: (_db, clock) => clock.advanceDays(30) },
    { code: "INSUFFICIENT_CREDIT", email: "alice@example.com", items: [[TAB, 3]] },
    {
      code: "STORE_INACTIVE",
      email: "alice@example.com",
      items: [[MOUSE, 1]],
      arrange: (db) => write(db, (tx) => tx.update(stores).set({ active: false }).where(eq(stores.slug, "lumen-electronics"))),
    },
  ];

  for (const c of cases) {
    it(`refuses with ${c.code}${c.note ?? ""}, shows the same reason before ordering, and writes nothing`, async () => {
      const { db, clock } = await seededDb();
      const consumerId = await userId(db, c.email);
      const lines = await orderLines(db, c.items);
      await withTransaction(db, async (tx) => {
        for (const line of lines) await tx.insert(cartItems).values({ userId: consumerId, ...line, addedAt: clock.now() });
      });
      await c.arrange?.(db, clock);
      const caller = await callerAs(db, clock, c.email);

      const preview = await caller.shop.checkout();
      expect(preview.payLater).toMatchObject({ ok: false, code: c.code });

      const before = await footprint(db);
      expect(await domainCode(caller.shop.placeOrder(await payLaterOrder(db, c.items)))).toBe(c.code);
      expect(await footprint(db)).toEqual(before);
    });
  }

  it("reports the reason in a sentence, e.g. the available credit against the total", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.shop.addToCart({ productId: (await product(db, TAB)).id, quantity: 3 });
    const preview = await alice.shop.checkout();
    expect(preview.payLater).toMatchObject({ ok: false, message: `Available credit ¥6,701.00 is less than the order total ¥9,897.00.` });
  });

  it("offers pay later to alice at Lumen with each plan's instalments and due dates", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 1 });
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 1 });
    const preview = await alice.shop.checkout();
    expect(preview.cart.totalFen).toBe(29_800);
    expect(preview.payLater).toEqual({ ok: true });
    expect(preview.plans).toEqual([
      { code: "pay_in_30", label: "Pay in 30 days", instalments: [{ seq: 1, dueDate: "2026-12-25", overdueOn: "2026-12-29", amountFen: 29_800 }] },
      {
        code: "pay_in_3",
        label: "Pay in 3",
        instalments: [
          { seq: 1, dueDate: "2026-12-25", overdueOn: "2026-12-29", amountFen: 9_934 },
          { seq: 2, dueDate: "2027-01-24", overdueOn: "2027-01-28", amountFen: 9_933 },
          { seq: 3, dueDate: "2027-02-23", overdueOn: "2027-02-27", amountFen: 9_933 },
        ],
      },
    ]);
  });
});

describe("placing a pay-later order", () => {
  it("writes the order, lines, event, bill and instalments, reserves stock, uses credit and clears the cart", async () => {
    const { db, clock } = await seededDb();
    const aliceId = await userId(db, "alice@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const mouse = await product(db, MOUSE);
    await alice.shop.addToCart({ productId: mouse.id, quantity: 2 });
    const usedBefore = await usedCredit(db, aliceId);

    const placed = await alice.shop.placeOrder(await payLaterOrder(db, [[MOUSE, 2]], "pay_in_3"));
    expect(placed.number).toMatch(/^HF-261125-[0-9A-Z]{5}$/);
    expect(placed.replayed).toBe(false);

    const detail = await alice.shop.order({ orderId: placed.orderId });
    expect(detail).toMatchObject({
      status: "placed",
      paymentMethod: "pay_later",
      planCode: "pay_in_3",
      totalFen: 29_800,
      store: { name: "Lumen Electronics" },
    });
    expect(detail.lines).toEqual([expect.objectContaining({ productName: MOUSE, unitPriceFen: 14_900, quantity: 2 })]);
    expect(detail.bill?.instalments.map((i) => [i.dueDate, i.amountFen, i.status])).toEqual([
      ["2026-12-25", 9_934, "upcoming"],
      ["2027-01-24", 9_933, "upcoming"],
      ["2027-02-23", 9_933, "upcoming"],
    ]);
    const bill = (await first(db.select().from(bills).where(eq(bills.orderId, placed.orderId))))!;
    expect(bill.policyVersion).toBe(1);
    expect((await db.select().from(instalments).where(eq(instalments.billId, bill.id)).orderBy(instalments.seq)).map((i) => i.overdueOn)).toEqual([
      "2026-12-29",
      "2027-01-28",
      "2027-02-27",
    ]);
    expect((await first(db.select().from(orders).where(eq(orders.id, placed.orderId))))!.policyVersion).toBe(1);

    expect((await product(db, MOUSE)).stock).toBe(mouse.stock - 2);
    expect(await usedCredit(db, aliceId)).toBe(usedBefore + 29_800);
    expect(await usedCredit(db, aliceId)).toBe(await unpaidPrincipal(db, aliceId));
    expect((await alice.shop.cart()).lines).toEqual([]);
  });

  it("never exceeds the limit under 50 concurrent checkouts", async () => {
    const { db, clock } = await seededDb();
    const aliceId = await userId(db, "alice@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const available = (await alice.credit.summary()).availableCreditFen;
    expect(available).toBe(670_100);

    const inputs = await Promise.all(Array.from({ length: 50 }, () => payLaterOrder(db, [[MOUSE, 1]])));
    const results = await Promise.allSettled(inputs.map((input) => alice.shop.placeOrder(input)));
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(placed).toHaveLength(Math.floor(available / 14_900)); // 44
    expect(new Set(refused.map((r) => (r.reason as TRPCError & { cause: { code: string } }).cause.code))).toEqual(new Set(["INSUFFICIENT_CREDIT"]));

    const newTotal = (await row<{ n: number }>(
      db,
      sql`SELECT SUM(total_fen) AS n FROM orders WHERE consumer_id = ${aliceId} AND payment_method = 'pay_later' AND idempotency_key LIKE 'test-key-%'`,
    ))!.n;
    expect(newTotal).toBeLessThanOrEqual(available);
    expect(await usedCredit(db, aliceId)).toBe(await unpaidPrincipal(db, aliceId));
    expect(await usedCredit(db, aliceId)).toBeLessThanOrEqual(1_000_000);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it.each(["pay_later", "pay_now"] as const)(
    "%s: the same idempotency key with a different request is refused, not answered with the first order",
    async (method) => {
      const { db, clock } = await seededDb();
      const alice = await callerAs(db, clock, "alice@example.com");
      const charged: number[] = [];
      const input = method === "pay_later" ? await payLaterOrder(db, [[MOUSE, 1]]) : await payNowOrder(db, [[MOUSE, 1]]);
      const placed = await alice.shop.placeOrder(input);
      const after = await footprint(db);
      const other = await payLaterOrder(db, [[TAB, 1]]);
      const variants = [
        { ...input, lines: [{ productId: (await product(db, MOUSE)).id, quantity: 2 }], expectedTotalFen: input.expectedTotalFen * 2 },
        { ...input, lines: other.lines, expectedTotalFen: other.expectedTotalFen },
        { ...input, shippingAddress: "1 Elsewhere Road, Hangzhou" },
        method === "pay_later" ? { ...input, planCode: "pay_in_30" as const } : { ...input, cardNumber: "5555 5555 5555 4444" },
      ];
      for (const variant of variants) {
        const error = await alice.shop.placeOrder(variant).catch((e: TRPCError) => e);
        expect(error, JSON.stringify(variant)).toMatchObject({ code: "CONFLICT" });
        expect(await domainCode(Promise.reject(error))).toBe("IDEMPOTENCY_MISMATCH");
      }
      expect(await footprint(db)).toEqual(after);
      // The same request again (spaces around a field aside) is still a replay.
      expect(await alice.shop.placeOrder({ ...input, shippingName: ` ${input.shippingName} ` })).toEqual({ ...placed, replayed: true });
      const provider: PaymentProvider = { ...simulatedProvider, charge: async (r) => (charged.push(r.amountFen), simulatedProvider.charge(r)) };
      if (method === "pay_now") {
        const direct = {
          consumerId: await userId(db, "alice@example.com"),
          idempotencyKey: input.idempotencyKey,
          lines: variants[0]!.lines,
          shipping: SHIPPING,
          payment: { method: "pay_now" as const, cardNumber: "4242424242424242" },
          expectedTotalFen: variants[0]!.expectedTotalFen,
        };
        await expect(placeOrder(db, clock, direct, provider)).rejects.toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });
        expect(charged).toEqual([]);
      }
    },
  );

  it("returns the first order on a replay of the idempotency key and writes nothing", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const input = await payLaterOrder(db, [[MOUSE, 1]]);
    const placed = await alice.shop.placeOrder(input);
    const after = await footprint(db);
    const replay = await alice.shop.placeOrder(input);
    expect(replay).toEqual({ orderId: placed.orderId, number: placed.number, replayed: true });
    expect(await footprint(db)).toEqual(after);

    const payNow = await payNowOrder(db, [[MOUSE, 1]]);
    const paid = await alice.shop.placeOrder(payNow);
    const afterPaid = await footprint(db);
    expect((await alice.shop.placeOrder(payNow)).orderId).toBe(paid.orderId);
    expect(await footprint(db)).toEqual(afterPaid);
  });

  it("refuses what is out of stock, or more than is left, and writes nothing", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const before = await footprint(db);
    expect(await domainCode(alice.shop.placeOrder(await payLaterOrder(db, [[POWER_BANK, 1]])))).toBe("OUT_OF_STOCK");
    expect(
      await domainCode(
        alice.shop.placeOrder(
          await payNowOrder(db, [
            [MOUSE, 1],
            [POWER_BANK, 1],
          ]),
        ),
      ),
    ).toBe("OUT_OF_STOCK");
    expect(await domainCode(alice.shop.placeOrder(await payLaterOrder(db, [[TAB, 21]])))).toBe("OUT_OF_STOCK");
    expect(await domainCode(alice.shop.addToCart({ productId: (await product(db, POWER_BANK)).id }))).toBe("OUT_OF_STOCK");
    expect(await footprint(db)).toEqual(before);
  });
});

describe("placing a pay-now order", () => {
  it("charges the card and records the payment, with no bill and no credit used", async () => {
    const { db, clock } = await seededDb();
    const aliceId = await userId(db, "alice@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const usedBefore = await usedCredit(db, aliceId);
    const placed = await alice.shop.placeOrder(await payNowOrder(db, [[LONGJING, 2]]));
    const detail = await alice.shop.order({ orderId: placed.orderId });
    expect(detail).toMatchObject({ paymentMethod: "pay_now", planCode: null, totalFen: 53_600, bill: null });
    const payment = (await row<{ kind: string; amount_fen: number; card_last4: string }>(
      db,
      sql`SELECT * FROM payments WHERE order_id = ${placed.orderId}`,
    ))!;
    expect(payment).toMatchObject({ kind: "order", amount_fen: 53_600, card_last4: "4242" });
    expect(await usedCredit(db, aliceId)).toBe(usedBefore);
  });

  it("writes nothing when the card is declined, and says so", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id });
    const before = await footprint(db);
    const attempt = alice.shop.placeOrder(await payNowOrder(db, [[MOUSE, 1]], DECLINED_CARD));
    await expect(attempt).rejects.toThrow("Your card ending 0002 was declined");
    expect(await domainCode(alice.shop.placeOrder(await payNowOrder(db, [[MOUSE, 1]], DECLINED_CARD)))).toBe("PAYMENT_DECLINED");
    expect(await footprint(db)).toEqual(before);
  });

  it("refunds the charge when the stock sells out between charge and order", async () => {
    const { db, clock } = await seededDb();
    const mouse = await product(db, MOUSE);
    const refunds: number[] = [];
    const racingProvider: PaymentProvider = {
      async charge(request) {
        await write(db, (tx) => tx.update(products).set({ stock: 0 }).where(eq(products.id, mouse.id)));
        return simulatedProvider.charge(request);
      },
      async refund(request) {
        refunds.push(request.amountFen);
        return { providerRef: "sim_refund_test" };
      },
    };
    const before = await footprint(db);
    const input = {
      consumerId: await userId(db, "alice@example.com"),
      idempotencyKey: newKey(),
      lines: [{ productId: mouse.id, quantity: 1 }],
      shipping: SHIPPING,
      payment: { method: "pay_now" as const, cardNumber: "4242424242424242" },
      expectedTotalFen: mouse.priceFen,
    };
    await expect(placeOrder(db, clock, input, racingProvider)).rejects.toMatchObject({ code: "OUT_OF_STOCK" });
    expect(refunds).toEqual([14_900]);
    expect({ ...(await footprint(db)), stock: before.stock }).toEqual(before);
  });

  it.each(["pay_later", "pay_now"] as const)("%s: a price changed after the page showed it refuses, writes and charges nothing", async (method) => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const mouse = await product(db, MOUSE);
    await alice.shop.addToCart({ productId: mouse.id });
    const shown = (await alice.shop.checkout()).cart.totalFen;
    const input = method === "pay_later" ? await payLaterOrder(db, [[MOUSE, 1]]) : await payNowOrder(db, [[MOUSE, 1]]);
    expect(input.expectedTotalFen).toBe(shown);
    // The merchant raises the price while the consumer looks at the checkout page.
    await write(db, (tx) =>
      tx
        .update(products)
        .set({ priceFen: mouse.priceFen + 5_000 })
        .where(eq(products.id, mouse.id)),
    );
    const before = await footprint(db);
    const error = await alice.shop.placeOrder(input).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("¥199.00") });
    expect(await domainCode(Promise.reject(error))).toBe("PRICE_CHANGED");
    expect(await footprint(db)).toEqual(before);
    // Confirming the new total (the page shows it after the refusal) places the order at that price, same key.
    const placed = await alice.shop.placeOrder({ ...input, expectedTotalFen: (await alice.shop.checkout()).cart.totalFen });
    expect((await first(db.select().from(orders).where(eq(orders.id, placed.orderId))))!.totalFen).toBe(mouse.priceFen + 5_000);
  });

  it("pay now: a total that differs from the confirmed one never reaches the card", async () => {
    const { db, clock } = await seededDb();
    const mouse = await product(db, MOUSE);
    const charged: number[] = [];
    const provider: PaymentProvider = {
      ...simulatedProvider,
      charge: async (request) => (charged.push(request.amountFen), simulatedProvider.charge(request)),
    };
    const input = {
      consumerId: await userId(db, "alice@example.com"),
      idempotencyKey: newKey(),
      lines: [{ productId: mouse.id, quantity: 1 }],
      shipping: SHIPPING,
      payment: { method: "pay_now" as const, cardNumber: "4242424242424242" },
      expectedTotalFen: 100,
    };
    await expect(placeOrder(db, clock, input, provider)).rejects.toMatchObject({ code: "PRICE_CHANGED" });
    expect(charged).toEqual([]);
  });

  it("checkout refuses an order without the total it showed", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const { expectedTotalFen: _, ...withoutTotal } = await payLaterOrder(db, [[MOUSE, 1]]);
    expect(await domainCode(alice.shop.placeOrder(withoutTotal as never))).toBe("BAD_REQUEST");
  });

  it("validates the shipping details and the card number", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const error = await alice.shop
      .placeOrder({ ...(await payNowOrder(db, [[MOUSE, 1]], "12")), shippingPhone: "abc", shippingAddress: "" })
      .catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await domainCode(alice.shop.placeOrder({ ...(await payLaterOrder(db, [[MOUSE, 1]])), planCode: undefined }))).toBe("BAD_REQUEST");
  });
});

describe("the cart", () => {
  it("holds one store at a time, refusing another store unless asked to replace", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 2 });
    const refusal = await alice.shop.addToCart({ productId: (await product(db, LONGJING)).id }).catch((e: TRPCError) => e);
    expect((refusal as TRPCError).cause).toMatchObject({ code: "CART_OTHER_STORE" });
    expect((refusal as TRPCError).message).toContain("one store at a time");
    expect((await alice.shop.cart()).store?.name).toBe("Lumen Electronics");

    await alice.shop.addToCart({ productId: (await product(db, LONGJING)).id, replaceCart: true });
    const cart = await alice.shop.cart();
    expect(cart.store?.name).toBe("Cloud Tea House");
    expect(cart.lines.map((l) => [l.name, l.quantity])).toEqual([[LONGJING, 1]]);
  });

  it("changes and removes quantities, keeps totals in fen, and is each consumer's own", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const bob = await callerAs(db, clock, "bob@example.com");
    const mouse = (await product(db, MOUSE)).id;
    const charger = (await product(db, "Volt 65W GaN Charger")).id;
    await alice.shop.addToCart({ productId: mouse });
    await alice.shop.addToCart({ productId: charger });
    await alice.shop.setCartQuantity({ productId: mouse, quantity: 3 });
    expect((await alice.shop.cart()).totalFen).toBe(3 * 14_900 + 19_900);
    await alice.shop.setCartQuantity({ productId: charger, quantity: 0 });
    expect((await alice.shop.cart()).lines.map((l) => [l.productId, l.quantity])).toEqual([[mouse, 3]]);
    expect(await domainCode(alice.shop.setCartQuantity({ productId: mouse, quantity: 121 }))).toBe("BAD_REQUEST");
    expect(await domainCode(alice.shop.setCartQuantity({ productId: (await product(db, 'Lumen 27" 4K Monitor')).id, quantity: 1 }))).toBe(
      "NOT_FOUND",
    );
    expect((await bob.shop.cart()).lines).toEqual([]);
    await alice.shop.clearCart();
    expect((await alice.shop.cart()).store).toBeNull();
  });

  it("is only for consumers", async () => {
    const { db, clock } = await seededDb();
    expect(await domainCode((await callerAs(db, clock, null)).shop.cart())).toBe("UNAUTHORIZED");
    expect(await domainCode((await callerAs(db, clock, "shop@example.com")).shop.addToCart({ productId: 1 }))).toBe("FORBIDDEN");
  });
});

describe("the consumer's orders", () => {
  it("cancelling a placed pay-later order releases the credit and returns the stock", async () => {
    const { db, clock } = await seededDb();
    const aliceId = await userId(db, "alice@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const stockBefore = (await product(db, TAB)).stock;
    const usedBefore = await usedCredit(db, aliceId);
    const placed = await alice.shop.placeOrder(await payLaterOrder(db, [[TAB, 1]], "pay_in_30"));
    expect(await usedCredit(db, aliceId)).toBe(usedBefore + 329_900);

    await alice.shop.cancelOrder({ orderId: placed.orderId });
    const detail = await alice.shop.order({ orderId: placed.orderId });
    expect(detail.status).toBe("cancelled");
    expect(detail.bill?.instalments.map((i) => i.status)).toEqual(["void"]);
    expect(await usedCredit(db, aliceId)).toBe(usedBefore);
    expect(await usedCredit(db, aliceId)).toBe(await unpaidPrincipal(db, aliceId));
    expect((await product(db, TAB)).stock).toBe(stockBefore);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("refuses to cancel an order that has shipped", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const shipped = (await first(
      db
        .select()
        .from(orders)
        .where(and(eq(orders.consumerId, await userId(db, "alice@example.com")), eq(orders.status, "shipped")))
        .orderBy(orders.id)
        .limit(1),
    ))!;
    expect(await domainCode(alice.shop.cancelOrder({ orderId: shipped.id }))).toBe("INVALID_TRANSITION");
  });

  it("another consumer can neither read nor cancel the order", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const bob = await callerAs(db, clock, "bob@example.com");
    const placed = await alice.shop.placeOrder(await payLaterOrder(db, [[MOUSE, 1]]));
    expect(await domainCode(bob.shop.order({ orderId: placed.orderId }))).toBe("NOT_FOUND");
    expect(await domainCode(bob.shop.cancelOrder({ orderId: placed.orderId }))).toBe("NOT_FOUND");
    expect((await bob.shop.orders({})).items.map((o) => o.id)).not.toContain(placed.orderId);
    expect((await alice.shop.order({ orderId: placed.orderId })).status).toBe("placed");
  });

  it("lists the consumer's orders newest first, a page at a time", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    for (let i = 0; i < 3; i++) await alice.shop.placeOrder(await payNowOrder(db, [[MOUSE, 1]]));
    const all = (
      await db
        .select({ id: orders.id, createdAt: orders.createdAt })
        .from(orders)
        .where(eq(orders.consumerId, await userId(db, "alice@example.com")))
    )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .map((o) => o.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof alice.shop.orders>> = await alice.shop.orders({ cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(6);
    const first = (await alice.shop.orders({ limit: 1 })).items[0]!;
    expect(first).toMatchObject({ storeName: "Lumen Electronics", status: "placed", paymentMethod: "pay_now", totalFen: 14_900 });
  });
});

describe("the store page", () => {
  it("shows an active store's products with price and stock, and hides an inactive store", async () => {
    const { db, clock } = await seededDb();
    const anon = await callerAs(db, clock, null);
    const page = await anon.catalog.store({ slug: "lumen-electronics" });
    expect(page.store.offersPayLater).toBe(true);
    expect(page.products.find((p) => p.name === POWER_BANK)).toMatchObject({ stock: 0, priceFen: 12_900 });
    expect((await anon.catalog.store({ slug: "cloud-tea-house" })).store.offersPayLater).toBe(false);
    const lumenId = (await lumen(db)).id;
    await write(db, (tx) => tx.update(stores).set({ active: false }).where(eq(stores.id, lumenId)));
    expect(await domainCode(anon.catalog.store({ slug: "lumen-electronics" }))).toBe("NOT_FOUND");
  });
});

describe("what pay later costs, before credit is taken", () => {
  it("product cards and the cart say 'or 3 × …' where the store offers pay later for that amount", async () => {
    const { db, clock } = await seededDb();
    const anyone = await callerAs(db, clock, null);
    const lumen = await anyone.catalog.store({ slug: "lumen-electronics" });
    expect(lumen.products.find((p) => p.name === "Aurora Noise-Cancelling Headphones")!.payLaterOffer).toEqual({ count: 3, instalmentFen: 43_300 });
    const tea = await anyone.catalog.store({ slug: "cloud-tea-house" });
    expect(tea.products.every((p) => p.payLaterOffer === null)).toBe(true);
    expect((await anyone.catalog.featured()).find((p) => p.name === "Lumen Tab 11")!.payLaterOffer).toEqual({ count: 3, instalmentFen: 109_967 });

    // Under the store's minimum there is nothing to offer, on the card or in the cart.
    await withTransaction(db, (tx) => tx.update(stores).set({ payLaterMinFen: 20_000 }).where(eq(stores.slug, "lumen-electronics")));
    expect((await anyone.catalog.store({ slug: "lumen-electronics" })).products.find((p) => p.name === MOUSE)!.payLaterOffer).toBeNull();
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 1 });
    expect((await alice.shop.cart()).payLaterOffer).toBeNull();
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 1 });
    expect((await alice.shop.cart()).payLaterOffer).toEqual({ count: 3, instalmentFen: 9_934 });
  });

  it("the checkout preview carries the late terms and the agreement the consumer accepted, for the review step", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    await alice.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 1 });
    const preview = await alice.shop.checkout();
    expect(preview.terms).toEqual({
      lateFeeFen: DEFAULT_POLICY.lateFeeFen,
      lateFeeCapBps: DEFAULT_POLICY.lateFeeCapBps,
      graceDays: DEFAULT_POLICY.graceDays,
    });
    expect(preview.agreement).toMatchObject({ version: 1, title: "Houfu Pay Later Agreement" });
    expect(preview.plans.find((p) => p.code === "pay_in_3")!.instalments.map((i) => i.amountFen)).toEqual([4_967, 4_967, 4_966]);
    const bob = await callerAs(db, clock, "bob@example.com");
    await bob.shop.addToCart({ productId: (await product(db, MOUSE)).id, quantity: 1 });
    expect((await bob.shop.checkout()).agreement).toBeNull();
  });
});
