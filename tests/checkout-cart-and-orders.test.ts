import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { TRPCError } from "@trpc/server";
import { first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { orders, stores } from "@/db/schema";
import { DEFAULT_POLICY } from "@/server/domain/policy";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, seededDb, userId } from "./helpers";
import {
  MOUSE,
  POWER_BANK,
  TAB,
  LONGJING,
  product,
  lumen,
  domainCode,
  write,
  payLaterOrder,
  payNowOrder,
  unpaidPrincipal,
  usedCredit,
} from "./checkout-fixture";

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
