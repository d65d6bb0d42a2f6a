import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { first, row } from "@/db/query";
import { orders, products } from "@/db/schema";
import type { PaymentProvider } from "@/server/services/payments/provider";
import { simulatedProvider } from "@/server/services/payments/provider";
import { placeOrder } from "@/server/services/orders/place-order";
import { callerAs, seededDb, userId } from "./helpers";
import { DECLINED_CARD, newKey, SHIPPING } from "./fixtures";
import { MOUSE, LONGJING, product, domainCode, write, footprint, payLaterOrder, payNowOrder, usedCredit } from "./checkout-fixture";

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
      charge: async (request) => {
        charged.push(request.amountFen);
        return simulatedProvider.charge(request);
      },
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
