import { describe, expect, it } from "vitest";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { first } from "@/db/query";
import { creditEvents, creditProfiles, orders, stores } from "@/db/schema";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { callerAs, seededDb, userId } from "./helpers";
import { codeOf } from "./fixtures";
import { lastAudit } from "./admin-fixture";

describe("consumers", () => {
  it("searches by email or name, a page at a time", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const first = await admin.admin.consumers({ query: "EXAMPLE.com", limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await admin.admin.consumers({ query: "example.com", limit: 4, cursor: first.nextCursor });
    const all = await admin.admin.consumers({ query: "example.com", limit: 100 });
    expect(all.items).toHaveLength(11); // consumers only: no merchants or admin
    expect(all.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((c) => c.email)).toEqual(all.items.slice(0, 8).map((c) => c.email));
    expect((await admin.admin.consumers({ query: "bob", limit: 10 })).items.map((c) => c.email)).toEqual(["bob@example.com"]);
    expect((await admin.admin.consumers({ query: "carol huang", limit: 10 })).items).toMatchObject([{ name: "Carol Huang", score: 520 }]);
    expect((await admin.admin.consumers({ query: "%", limit: 10 })).items).toEqual([]);
    expect((await admin.admin.consumers({ query: "shop@", limit: 10 })).items).toEqual([]);
  });

  it("shows a consumer's credit profile and refuses a non-consumer id", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const dave = await admin.admin.consumer({ consumerId: await userId(db, "dave@example.com") });
    expect(dave).toMatchObject({
      score: 610,
      payLaterStatus: "suspended",
      suspendedReason: "overdue",
      hasOverdue: true,
      agreementAccepted: true,
      limitFen: 100_000,
    });
    expect(dave.bills).toHaveLength(1);
    expect(dave.bills[0]).toMatchObject({ storeName: "Lumen Electronics", overdue: true, policyVersion: 1 });
    expect(dave.bills[0]!.owedFen).toBeGreaterThan(0);
    expect(dave.events.map((e) => e.reason)).toContain("overdue");
    expect(await codeOf(admin.admin.consumer({ consumerId: await userId(db, "shop@example.com") }))).toBe("NOT_FOUND");
  });

  it("adjusts a score by a delta or to a new score, clamped, with the reason in the credit history", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const carolId = await userId(db, "carol@example.com");
    const carol = await callerAs(db, clock, "carol@example.com");
    expect((await carol.credit.summary()).statusSentence).toBe("Your score 520 is below the 600 needed to enable pay later.");

    expect(await admin.admin.adjustScore({ consumerId: carolId, newScore: 700, reason: "Verified income" })).toEqual({ score: 700, delta: 180 });
    const summary = await carol.credit.summary();
    expect(summary).toMatchObject({
      score: 700,
      limitFen: 500_000,
      statusSentence: "Your score 700 meets the 600 needed: you can enable pay later.",
    });
    const event = (await first(db.select().from(creditEvents).where(eq(creditEvents.userId, carolId)).orderBy(desc(creditEvents.id)).limit(1)))!;
    expect(event).toMatchObject({
      delta: 180,
      scoreAfter: 700,
      reason: "admin_adjustment",
      note: "Verified income",
      effectKey: null,
      actorUserId: await userId(db, "admin@example.com"),
    });
    expect(await lastAudit(db)).toMatchObject({
      action: "consumer.adjust_score",
      entityType: "consumer",
      entityId: String(carolId),
      before: { score: 520 },
      after: { score: 700, delta: 180, reason: "Verified income" },
    });

    // Clamped to 950; the applied delta is what really changed.
    expect(await admin.admin.adjustScore({ consumerId: carolId, delta: 600, reason: "Test the ceiling" })).toEqual({ score: 950, delta: 250 });
    expect(await codeOf(admin.admin.adjustScore({ consumerId: carolId, delta: 5, reason: "Already at the top" }))).toBe("CONFLICT");
    expect(await codeOf(admin.admin.adjustScore({ consumerId: carolId, newScore: 300, reason: "Too low" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.admin.adjustScore({ consumerId: carolId, delta: -10, reason: "" }))).toBe("BAD_REQUEST");
  });

  it("suspends and reinstates pay later: enabled again only with the agreement accepted", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const aliceId = await userId(db, "alice@example.com");
    const bobId = await userId(db, "bob@example.com");
    const profile = async (id: number) => (await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, id))))!;

    await admin.admin.suspendPayLater({ consumerId: aliceId, reason: "Reported stolen card" });
    expect(await profile(aliceId)).toMatchObject({ payLaterStatus: "suspended", suspendedReason: "admin" });
    expect((await (await callerAs(db, clock, "alice@example.com")).credit.summary()).statusSentence).toContain("suspended by Houfu support");
    expect(await lastAudit(db)).toMatchObject({
      action: "consumer.suspend",
      before: { payLaterStatus: "enabled" },
      after: { payLaterStatus: "suspended", suspendedReason: "admin" },
    });
    expect(await codeOf(admin.admin.suspendPayLater({ consumerId: aliceId, reason: "Twice" }))).toBe("CONFLICT");

    await admin.admin.reinstatePayLater({ consumerId: aliceId, reason: "Card replaced" });
    expect(await profile(aliceId)).toMatchObject({ payLaterStatus: "enabled", suspendedReason: null });
    expect(await lastAudit(db)).toMatchObject({ action: "consumer.reinstate", after: { payLaterStatus: "enabled" } });
    expect(await codeOf(admin.admin.reinstatePayLater({ consumerId: aliceId, reason: "Twice" }))).toBe("CONFLICT");

    // bob never accepted the agreement: reinstating puts him back to not enabled.
    await admin.admin.suspendPayLater({ consumerId: bobId, reason: "Investigation" });
    await admin.admin.reinstatePayLater({ consumerId: bobId, reason: "Closed" });
    expect(await profile(bobId)).toMatchObject({ payLaterStatus: "not_enabled", suspendedReason: null });

    // An overdue suspension can be taken over by an admin (the jobs never lift that one).
    const daveId = await userId(db, "dave@example.com");
    await admin.admin.suspendPayLater({ consumerId: daveId, reason: "Collections" });
    expect(await profile(daveId)).toMatchObject({ payLaterStatus: "suspended", suspendedReason: "admin" });
  });
});

describe("merchants", () => {
  it("lists every store with its receivables from one grouped query, matching the per-store summary", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const merchants = await admin.admin.merchants();
    expect(merchants.map((m) => m.name)).toEqual(["Cloud Tea House", "Lumen Electronics"]);
    for (const m of merchants) {
      const summary = await receivablesSummary(db, { storeId: m.storeId, now: clock.now() });
      expect(m).toMatchObject({
        outstandingFen: summary.outstandingFen,
        overdueFen: summary.overdueFen,
        dueIn7DaysFen: summary.dueIn7DaysFen,
        overdueBills: summary.overdueBills,
        overdueRate: summary.overdueRate,
      });
    }
    const lumen = merchants.find((m) => m.name === "Lumen Electronics")!;
    const volume = (await first(
      db
        .select({ n: count(), total: sql<number>`SUM(${orders.totalFen})` })
        .from(orders)
        .where(and(eq(orders.storeId, lumen.storeId), eq(orders.paymentMethod, "pay_later"))),
    ))!;
    expect(lumen).toMatchObject({
      payLaterOrders: volume.n,
      payLaterVolumeFen: volume.total,
      active: true,
      payLaterEnabled: true,
      payLaterForcedOff: false,
    });
    expect(merchants[0]).toMatchObject({ outstandingFen: 0, payLaterOrders: 0, payLaterVolumeFen: 0, overdueRate: null });

    const overview = await admin.admin.overview();
    expect(overview.stores).toEqual(merchants);
  });

  it("activates, deactivates and forces pay later off, each with an audit row", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const store = async () => (await first(db.select().from(stores).where(eq(stores.id, lumen.id))))!;

    await admin.admin.setStoreActive({ storeId: lumen.id, active: false });
    expect((await store()).active).toBe(false);
    expect(await lastAudit(db)).toMatchObject({
      action: "store.deactivate",
      entityType: "store",
      entityId: String(lumen.id),
      before: { active: true },
      after: { active: false },
    });
    expect(await codeOf(admin.admin.setStoreActive({ storeId: lumen.id, active: false }))).toBe("CONFLICT");
    await admin.admin.setStoreActive({ storeId: lumen.id, active: true });
    expect((await lastAudit(db)).action).toBe("store.activate");

    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Complaints under review" });
    expect(await store()).toMatchObject({ payLaterForcedOff: true, payLaterEnabled: true });
    expect((await (await callerAs(db, clock, null)).catalog.stores()).find((s) => s.id === lumen.id)?.offersPayLater).toBe(false);
    expect((await lastAudit(db)).action).toBe("store.force_pay_later_off");
    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false });
    expect(await lastAudit(db)).toMatchObject({
      action: "store.lift_pay_later_off",
      before: { payLaterForcedOff: true },
      after: { payLaterForcedOff: false },
    });
    expect(await codeOf(admin.admin.setStoreActive({ storeId: 9_999, active: false }))).toBe("NOT_FOUND");
  });
});
