// The reasons behind an admin's forcing pay later off and suspending a consumer reach the person affected, with a way to ask.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { first } from "@/db/query";
import { stores } from "@/db/schema";
import { notificationText } from "@/lib/i18n/localise";
import { callerAs, seededDb, userId } from "./helpers";
import { codeOf } from "./fixtures";
import { translator } from "./translator";

describe("forcing a store's pay later off", () => {
  it("needs a reason, which the merchant reads in their settings until the block is lifted", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const merchant = await callerAs(db, clock, "shop@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;

    // @ts-expect-error the reason is required when forcing off
    expect(await codeOf(admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "  " }))).toBe("BAD_REQUEST");
    expect((await merchant.merchant.settings()).payLaterForcedOff).toBe(false);

    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Too many disputed deliveries" });
    expect(await merchant.merchant.settings()).toMatchObject({ payLaterForcedOff: true, payLaterForcedOffReason: "Too many disputed deliveries" });

    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false });
    expect(await merchant.merchant.settings()).toMatchObject({ payLaterForcedOff: false, payLaterForcedOffReason: null });
  });

  it("the merchant's open pay-later bills are counted for the turn-off confirmation, their own store only", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const lumen = await shop.merchant.openPayLaterBills();
    const tea = await (await callerAs(db, clock, "tea@example.com")).merchant.openPayLaterBills();
    expect(lumen.billCount).toBeGreaterThan(0);
    // The same amount the receivables page shows as still to come in (outstanding and overdue, late fees included).
    const { outstandingFen, overdueFen } = await shop.merchant.receivables.summary();
    expect(overdueFen).toBeGreaterThan(0);
    expect(lumen.owedFen).toBe(outstandingFen + overdueFen);
    expect(tea).toEqual({ billCount: 0, owedFen: 0 });
    expect(await codeOf((await callerAs(db, clock, "alice@example.com")).merchant.openPayLaterBills())).toBe("FORBIDDEN");
  });
});

describe("suspending a consumer", () => {
  it("shows the consumer the admin's reason on the credit page and in a notification that points to support", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const aliceId = await userId(db, "alice@example.com");

    await admin.admin.suspendPayLater({ consumerId: aliceId, reason: "Card reported stolen." });
    expect(await alice.credit.summary()).toMatchObject({
      payLaterStatus: "suspended",
      suspendedReason: "admin",
      suspendedNote: "Card reported stolen.",
    });
    const notice = (await alice.notifications.list({ limit: 1 })).items[0]!;
    expect(notice).toMatchObject({
      content: { kind: "pay_later_suspended_by_support", params: { reason: "Card reported stolen." } },
      link: "/support",
    });
    expect(notificationText(translator("en", "notificationText"), "en", notice)).toEqual({
      title: "Pay later is suspended by Houfu support",
      body: "Houfu support suspended pay later on your account. Reason: Card reported stolen. To ask about it, use Contact support.",
    });
    expect(notificationText(translator("zh-CN", "notificationText"), "zh-CN", notice)).toEqual({
      title: "后付客服已暂停您的先享后付",
      body: "后付客服已暂停您账户的先享后付。原因：Card reported stolen。如有疑问，请联系客服。",
    });

    await admin.admin.reinstatePayLater({ consumerId: aliceId, reason: "Card replaced" });
    expect((await alice.credit.summary()).suspendedNote).toBeNull();
  });
});

describe("the audit log names what it is about", () => {
  it("gives each entry the consumer's, store's or API key's name, not just an id", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const aliceId = await userId(db, "alice@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    await admin.admin.suspendPayLater({ consumerId: aliceId, reason: "Card reported stolen" });
    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Disputes" });
    await (await callerAs(db, clock, "shop@example.com")).merchant.developers.createApiKey({ name: "Warehouse sync" });
    const { items } = await admin.admin.audit({ limit: 3 });
    expect(items.map((e) => [e.action, e.entityName])).toEqual([
      ["api_key.created", "Warehouse sync"],
      ["store.force_pay_later_off", "Lumen Electronics"],
      ["consumer.suspend", "Alice Wu"],
    ]);
  });
});
