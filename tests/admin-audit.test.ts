import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { exec, first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { auditLog, stores } from "@/db/schema";
import { callerAs, seededDb, userId } from "./helpers";
import { codeOf } from "./fixtures";
import { auditCount, lastAudit, refusalText, onTheConnection, policyAt650 } from "./admin-fixture";

describe("the audit log", () => {
  it("gets exactly one row for every admin mutation, and none for a refused one", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const bob = await userId(db, "bob@example.com");
    const mutations: [string, () => Promise<unknown>][] = [
      ["policy.update", () => admin.admin.updatePolicy({ params: policyAt650(), note: "Raise" })],
      ["consumer.adjust_score", () => admin.admin.adjustScore({ consumerId: bob, delta: -15, reason: "Chargeback" })],
      ["consumer.suspend", () => admin.admin.suspendPayLater({ consumerId: bob, reason: "Review" })],
      ["consumer.reinstate", () => admin.admin.reinstatePayLater({ consumerId: bob, reason: "Done" })],
      ["store.deactivate", () => admin.admin.setStoreActive({ storeId: lumen.id, active: false })],
      ["store.activate", () => admin.admin.setStoreActive({ storeId: lumen.id, active: true })],
      [
        "store.force_pay_later_off",
        () => admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Complaints under review" }),
      ],
      ["store.lift_pay_later_off", () => admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false })],
    ];
    for (const [action, run] of mutations) {
      const before = await auditCount(db);
      await run();
      expect([action, (await auditCount(db)) - before]).toEqual([action, 1]);
      expect(await lastAudit(db)).toMatchObject({
        action,
        actorUserId: await userId(db, "admin@example.com"),
        actorRole: "admin",
        createdAt: clock.now(),
      });
    }
    const before = await auditCount(db);
    await codeOf(admin.admin.reinstatePayLater({ consumerId: bob, reason: "Not suspended" }));
    await codeOf(admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false }));
    expect(await auditCount(db)).toBe(before);
  });

  it("filters by actor, action, entity type and date, newest first, a page at a time", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const bob = await userId(db, "bob@example.com");
    await admin.admin.adjustScore({ consumerId: bob, delta: 5, reason: "One" }); // 2026-11-25
    clock.advanceDays(1);
    await admin.admin.adjustScore({ consumerId: bob, delta: 5, reason: "Two" }); // 2026-11-26
    await admin.admin.setStoreActive({ storeId: lumen.id, active: false });
    clock.advanceDays(1);
    await admin.admin.setStoreActive({ storeId: lumen.id, active: true }); // 2026-11-27

    const all = await admin.admin.audit({ limit: 100 });
    expect(all.items.map((r) => r.action)).toEqual(["store.activate", "store.deactivate", "consumer.adjust_score", "consumer.adjust_score"]);
    expect(all.items[0]).toMatchObject({ actorName: "Houfu Admin", actorEmail: "admin@example.com", entityType: "store" });

    const page1 = await admin.admin.audit({ limit: 3 });
    const page2 = await admin.admin.audit({ limit: 3, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items]).toEqual(all.items);
    expect(page2.nextCursor).toBeNull();

    expect((await admin.admin.audit({ action: "consumer.adjust_score", limit: 10 })).items).toHaveLength(2);
    expect((await admin.admin.audit({ entityType: "store", limit: 10 })).items).toHaveLength(2);
    expect((await admin.admin.audit({ actorUserId: bob, limit: 10 })).items).toHaveLength(0);
    expect((await admin.admin.audit({ actorUserId: await userId(db, "admin@example.com"), limit: 10 })).items).toHaveLength(4);
    expect((await admin.admin.audit({ from: "2026-11-26", to: "2026-11-26", limit: 10 })).items.map((r) => r.action)).toEqual([
      "store.deactivate",
      "consumer.adjust_score",
    ]);
    expect((await admin.admin.audit({ from: "2026-11-27", limit: 10 })).items).toHaveLength(1);
    expect((await admin.admin.audit({ to: "2026-11-25", limit: 10 })).items).toHaveLength(1);

    const filters = await admin.admin.auditFilters();
    expect(filters).toEqual({
      actors: [{ id: await userId(db, "admin@example.com"), name: "Houfu Admin", email: "admin@example.com" }],
      actions: ["consumer.adjust_score", "store.activate", "store.deactivate"],
      entityTypes: ["consumer", "store"],
    });
  });

  it("cannot be updated or deleted, by the app or anyone with its connection", async () => {
    const { db, clock } = await seededDb();
    await (await callerAs(db, clock, "admin@example.com")).admin.adjustScore({
      consumerId: await userId(db, "bob@example.com"),
      delta: 5,
      reason: "Kept forever",
    });
    const before = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(
      await refusalText(
        withTransaction(db, async (tx) => {
          await tx.update(auditLog).set({ action: "tampered" });
        }),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusalText(
        withTransaction(db, async (tx) => {
          await tx.delete(auditLog);
        }),
      ),
    ).toMatch(/append-only/);
    expect(await refusalText(withTransaction(db, (tx) => exec(tx, sql`UPDATE audit_log SET after = NULL`)))).toMatch(/append-only/);
    expect(await refusalText(onTheConnection(db, "UPDATE audit_log SET after = NULL"))).toMatch(/append-only/);
    expect(await refusalText(onTheConnection(db, "DELETE FROM audit_log WHERE id > 0"))).toMatch(/append-only/);
    expect(await db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
    expect(await lastAudit(db)).toMatchObject({ action: "consumer.adjust_score", after: { reason: "Kept forever" } });
  });
});
