import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";

import { auditLog, orders, products } from "@/db/schema";
import { first } from "@/db/query";
import { callerAs, seededDb } from "./helpers";
import { failure } from "./fixtures";

describe("a merchant sees and touches only their own store", () => {
  it("refuses tea@example.com every Lumen order, product and receivable", async () => {
    const { db, clock } = await seededDb();
    const tea = (await callerAs(db, clock, "tea@example.com")).merchant;
    const lumenOrder = (await first(db.select().from(orders).where(eq(orders.number, "HF-1004"))))!; // placed
    const lumenShipped = (await first(db.select().from(orders).where(eq(orders.number, "HF-1002"))))!;
    const lumenProduct = (await first(db.select().from(products).where(eq(products.name, "Nimbus Wireless Mouse"))))!;
    // Each refusal is caught as it is made (they run at once), then checked in turn.
    const attempts = [
      tea.orders.detail({ orderId: lumenOrder.id }),
      tea.orders.ship({ orderId: lumenOrder.id }),
      tea.orders.complete({ orderId: lumenShipped.id }),
      tea.orders.cancel({ orderId: lumenOrder.id }),
      tea.orders.refund({ orderId: lumenShipped.id, amountFen: 100, reason: "Not mine", idempotencyKey: "cross-store-1" }),
      tea.products.get({ productId: lumenProduct.id }),
      tea.products.update({ productId: lumenProduct.id, name: "Hijacked", description: "", priceFen: 1, stock: 1 }),
      tea.products.setActive({ productId: lumenProduct.id, active: false }),
    ].map((attempt) => failure(attempt));
    for (const attempt of attempts) expect((await attempt).code).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
    expect((await first(db.select().from(orders).where(eq(orders.id, lumenOrder.id))))!.status).toBe("placed");
    expect((await first(db.select().from(orders).where(eq(orders.id, lumenShipped.id))))!.status).toBe("shipped");
    expect(await first(db.select().from(products).where(eq(products.id, lumenProduct.id)))).toMatchObject({
      name: "Nimbus Wireless Mouse",
      active: true,
    });

    const orderList = await tea.orders.list({ limit: 100 });
    expect(orderList.items.map((o) => o.number)).toEqual(["HF-1003"]);
    expect((await tea.orders.list({ q: "HF-1004", limit: 100 })).items).toHaveLength(0);
    expect((await tea.products.list({ limit: 100 })).items.every((p) => p.id !== lumenProduct.id)).toBe(true);
    expect((await tea.receivables.overdue({ limit: 100 })).items).toHaveLength(0);
    expect(await tea.receivables.summary()).toMatchObject({ outstandingFen: 0, overdueFen: 0, collected30dFen: 0 });
    expect((await tea.receivables.trend()).every((w) => w.salesFen === 0 && w.overdueFen === 0)).toBe(true);
  });
});

describe("only merchants reach the merchant procedures", () => {
  it("refuses consumers, admins and the signed-out on every one", async () => {
    const { db, clock } = await seededDb();
    const anyOrder = (await first(db.select().from(orders).orderBy(orders.id).limit(1)))!;
    const anyProduct = (await first(db.select().from(products).orderBy(products.id).limit(1)))!;
    const calls = (c: Awaited<ReturnType<typeof callerAs>>) => [
      c.merchant.overview(),
      c.merchant.settings(),
      c.merchant.updateSettings({ name: "Taken", description: "", category: "Tea", offerPayLater: true, payLaterMinFen: null, payLaterMaxFen: null }),
      c.merchant.products.list({}),
      c.merchant.products.get({ productId: anyProduct.id }),
      c.merchant.products.create({ name: "Nope", description: "", priceFen: 100, stock: 1 }),
      c.merchant.products.update({ productId: anyProduct.id, name: "Nope", description: "", priceFen: 100, stock: 1 }),
      c.merchant.products.setActive({ productId: anyProduct.id, active: false }),
      c.merchant.orders.list({}),
      c.merchant.orders.detail({ orderId: anyOrder.id }),
      c.merchant.orders.ship({ orderId: anyOrder.id }),
      c.merchant.orders.complete({ orderId: anyOrder.id }),
      c.merchant.orders.cancel({ orderId: anyOrder.id }),
      c.merchant.orders.refund({ orderId: anyOrder.id, amountFen: 100, reason: "Nope", idempotencyKey: "role-check-1" }),
      c.merchant.receivables.summary(),
      c.merchant.receivables.trend(),
      c.merchant.receivables.overdue({}),
    ];
    for (const [who, expected] of [
      ["alice@example.com", "FORBIDDEN"],
      ["admin@example.com", "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const results = await Promise.all(calls(await callerAs(db, clock, who)).map((p) => failure(p)));
      expect(results.map((r) => r.code)).toEqual(results.map(() => expected));
    }
    expect((await first(db.select().from(orders).where(eq(orders.id, anyOrder.id))))!.status).toBe(anyOrder.status);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });
});
