import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { first, row } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { bills, cartItems, instalments, orders, policyVersions, stores } from "@/db/schema";
import { DEFAULT_POLICY } from "@/server/domain/policy";
import type { PaymentProvider } from "@/server/services/payments/provider";
import { simulatedProvider } from "@/server/services/payments/provider";
import { placeOrder } from "@/server/services/orders/place-order";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, seededDb, userId } from "./helpers";
import { SHIPPING } from "./fixtures";
import {
  MOUSE,
  POWER_BANK,
  TAB,
  LONGJING,
  product,
  domainCode,
  write,
  footprint,
  orderLines,
  payLaterOrder,
  payNowOrder,
  unpaidPrincipal,
  usedCredit,
} from "./checkout-fixture";

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
      const provider: PaymentProvider = {
        ...simulatedProvider,
        charge: async (r) => {
          charged.push(r.amountFen);
          return simulatedProvider.charge(r);
        },
      };
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
