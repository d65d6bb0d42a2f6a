import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";

import { auditLog, orders, products, stores, users } from "@/db/schema";
import { addDays } from "@/server/calendar";
import { first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { callerAs, seededDb, userId } from "./helpers";
import { failure } from "./fixtures";
import { TODAY } from "./merchant-fixture";

describe("orders", () => {
  it("ships a placed order, completes a shipped one, and refuses steps out of order", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const placed = (await first(db.select().from(orders).where(eq(orders.number, "HF-1004"))))!;
    expect(await failure(shop.orders.complete({ orderId: placed.id }))).toMatchObject({ code: "CONFLICT", domainCode: "INVALID_TRANSITION" });
    await shop.orders.ship({ orderId: placed.id });
    await shop.orders.complete({ orderId: placed.id });
    const detail = await shop.orders.detail({ orderId: placed.id });
    expect(detail.status).toBe("completed");
    expect(detail.history.map((e) => e.type)).toEqual(
      ["placed", "paid", "shipped", "completed"].filter((t) => detail.history.some((e) => e.type === t)),
    );
    expect(detail.history.slice(-2).map((e) => e.type)).toEqual(["shipped", "completed"]);
    expect(detail.customer).toEqual({ name: "C*** H.", email: "c***@example.com" });
  });

  it("shows the store where to ship its order, and Mark shipped records a validated carrier and tracking number the consumer sees", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const placed = (await first(db.select().from(orders).where(eq(orders.number, "HF-1004"))))!;
    const before = await shop.orders.detail({ orderId: placed.id });
    expect(before.shipping).toEqual({
      name: placed.shippingName,
      phone: "13800138000",
      address: "88 Century Avenue, Pudong, Shanghai 200120",
      carrier: null,
      trackingNumber: null,
    });
    expect(before).toMatchObject({ canShip: true, canCancel: true, canComplete: false, canRefund: false });
    // A tracking number needs its carrier, and looks like one.
    expect(await failure(shop.orders.ship({ orderId: placed.id, trackingNumber: "SF1234567890" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(shop.orders.ship({ orderId: placed.id, carrier: "SF Express", trackingNumber: "<script>" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await shop.orders.detail({ orderId: placed.id })).status).toBe("placed");
    await shop.orders.ship({ orderId: placed.id, carrier: " SF Express ", trackingNumber: "SF1234567890" });
    const after = await shop.orders.detail({ orderId: placed.id });
    expect(after.shipping).toMatchObject({ carrier: "SF Express", trackingNumber: "SF1234567890" });
    expect(after.history.at(-1)).toMatchObject({ type: "shipped", note: "SF Express SF1234567890" });
    const consumer = await callerAs(
      db,
      clock,
      (await first(db.select({ email: users.email }).from(users).where(eq(users.id, placed.consumerId))))!.email,
    );
    expect((await consumer.shop.order({ orderId: placed.id })).shipping).toMatchObject({ carrier: "SF Express", trackingNumber: "SF1234567890" });
    // Another store's merchant cannot ship it.
    const tea = (await callerAs(db, clock, "tea@example.com")).merchant;
    expect((await failure(tea.orders.ship({ orderId: placed.id, carrier: "EMS" }))).code).toBe("NOT_FOUND");
  });

  it("filters, searches, sorts and pages the store's orders", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const all = await shop.orders.list({ limit: 100 });
    expect(all.items).toHaveLength(12); // every Lumen order, none of the tea house's
    expect(all.items.every((o) => o.number !== "HF-1003")).toBe(true);
    expect(all.items.every((o) => !o.customer.email.startsWith("alice"))).toBe(true);

    const byTotal: number[] = [];
    let cursor: string | null | undefined = null;
    do {
      const page: Awaited<ReturnType<typeof shop.orders.list>> = await shop.orders.list({ sort: "total", dir: "desc", limit: 5, cursor });
      byTotal.push(...page.items.map((o) => o.totalFen));
      cursor = page.nextCursor;
    } while (cursor);
    expect(byTotal).toHaveLength(12);
    expect(byTotal).toEqual([...byTotal].sort((a, b) => b - a));

    const dates = (await shop.orders.list({ sort: "date", dir: "asc", limit: 100 })).items.map((o) => o.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));

    const overdue = await shop.orders.list({ overdueOnly: true, limit: 100 });
    expect(overdue.items.map((o) => o.number).sort()).toEqual(["HF-1005", "HF-1006", "HF-1007", "HF-1008", "HF-1009"]);
    expect(overdue.items.every((o) => o.overdue)).toBe(true);

    expect((await shop.orders.list({ status: "placed", limit: 100 })).items.map((o) => o.number).sort()).toEqual(["HF-1004", "HF-1012"]);
    expect((await shop.orders.list({ paymentMethod: "pay_now", limit: 100 })).items.map((o) => o.number).sort()).toEqual(["HF-1004", "HF-1013"]);
    expect((await shop.orders.list({ q: "hf-1007", limit: 100 })).items.map((o) => o.number)).toEqual(["HF-1007"]);
    expect((await shop.orders.list({ q: "Grace@Example.com", limit: 100 })).items.map((o) => o.number)).toEqual(["HF-1008"]);
    expect((await shop.orders.list({ q: "%", limit: 100 })).items).toHaveLength(0);
    const recent = await shop.orders.list({ from: addDays(TODAY, -9), to: TODAY, limit: 100 });
    expect(recent.items.map((o) => o.number).sort()).toEqual(["HF-1002", "HF-1004", "HF-1013"]);
  });

  it("search cannot recover a masked name or email by guessing prefixes", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const found = async (q: string) => (await shop.orders.list({ q, limit: 100 })).items.length;
    // Heidi's order (HF-1009) shows as "h***@example.com": none of these may tell more.
    for (const guess of ["Heidi", "h", "he", "hei", "heidi@", "heidi@example", "@example.com", "example.com", "%", "e_"])
      expect(await found(guess), guess).toBe(0);
    expect(await found("heidi@example.com")).toBe(1);
  });
});

describe("settings", () => {
  const settings = {
    name: "Cloud Tea House",
    description: "Teas",
    category: "Tea",
    offerPayLater: true,
    payLaterMinFen: 10_000,
    payLaterMaxFen: 200_000,
  };

  it("turns pay later on with limits, records the change in the audit log and lists the store as offering it", async () => {
    const { db, clock } = await seededDb();
    const tea = (await callerAs(db, clock, "tea@example.com")).merchant;
    await tea.updateSettings(settings);
    expect(await tea.settings()).toMatchObject({ offerPayLater: true, payLaterMinFen: 10_000, payLaterMaxFen: 200_000, category: "Tea" });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityType, "store")).orderBy(auditLog.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: "merchant", actorUserId: await userId(db, "tea@example.com"), action: "store.settings_updated" });
    expect(audit[0]!.before).toMatchObject({ payLaterEnabled: false, payLaterMinFen: null });
    expect(audit[0]!.after).toMatchObject({ payLaterEnabled: true, payLaterMinFen: 10_000 });
    const listed = await (await callerAs(db, clock, null)).catalog.stores();
    expect(listed.find((s) => s.name === "Cloud Tea House")!.offersPayLater).toBe(true);
  });

  it("refuses a minimum above the maximum, and turning pay later on while an admin forced it off", async () => {
    const { db, clock } = await seededDb();
    const tea = (await callerAs(db, clock, "tea@example.com")).merchant;
    expect(await failure(tea.updateSettings({ ...settings, payLaterMinFen: 300_000 }))).toMatchObject({ code: "BAD_REQUEST" });
    await withTransaction(db, async (tx) => {
      await tx.update(stores).set({ payLaterForcedOff: true }).where(eq(stores.slug, "cloud-tea-house"));
    });
    expect(await failure(tea.updateSettings(settings))).toMatchObject({ code: "FORBIDDEN", domainCode: "PAY_LATER_FORCED_OFF" });
    await tea.updateSettings({ ...settings, offerPayLater: false, description: "Still here" });
    expect(await tea.settings()).toMatchObject({ offerPayLater: false, payLaterForcedOff: true, description: "Still here" });
  });
});

describe("products", () => {
  it("creates, edits, deactivates and reactivates, newest first page by page", async () => {
    const { db, clock } = await seededDb();
    const tea = (await callerAs(db, clock, "tea@example.com")).merchant;
    const created = await tea.products.create({ name: "Jasmine Pearls 100g", description: "Hand-rolled", priceFen: 15_800, stock: 30 });
    const edited = await tea.products.update({
      productId: created.id,
      name: "Jasmine Pearls 100g",
      description: "Hand-rolled",
      priceFen: 16_800,
      stock: 29,
    });
    expect(edited).toMatchObject({ priceFen: 16_800, stock: 29, active: true });
    expect((await tea.products.setActive({ productId: created.id, active: false })).active).toBe(false);
    expect((await first(db.select().from(products).where(eq(products.id, created.id))))!.active).toBe(false);
    expect((await tea.products.setActive({ productId: created.id, active: true })).active).toBe(true);
    const page1 = await tea.products.list({ limit: 4 });
    expect(page1.items[0]!.id).toBe(created.id);
    const second = await tea.products.list({ limit: 4, cursor: page1.nextCursor });
    expect([...page1.items, ...second.items]).toHaveLength(6);
    expect(second.nextCursor).toBeNull();
    expect(await failure(tea.products.create({ name: "X", description: "", priceFen: 0, stock: -1 }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
