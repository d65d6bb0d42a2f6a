import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { instant } from "@/db/dialect";
import { exec, first } from "@/db/query";
import { creditProfiles, products, stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, seededDb, userId } from "./helpers";

describe("verify", () => {
  it("finds nothing wrong with the demo data", async () => {
    const { db } = await seededDb();
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("names each broken invariant", async () => {
    const { db } = await seededDb();
    const bob = await userId(db, "bob@example.com");
    const carol = await userId(db, "carol@example.com");
    await withTransaction(db, async (tx) => {
      await tx.update(creditProfiles).set({ usedCreditFen: 1 }).where(eq(creditProfiles.userId, bob));
      await tx.update(products).set({ stock: -1 }).where(eq(products.name, "Nimbus Wireless Mouse"));
      await tx.update(creditProfiles).set({ score: 999 }).where(eq(creditProfiles.userId, carol));
      await exec(
        tx,
        sql`UPDATE instalments SET paid_principal_fen = amount_fen + 1 WHERE id = (SELECT MIN(id) FROM instalments WHERE state = 'open')`,
      );
      await exec(
        tx,
        sql`UPDATE instalments SET late_fee_fen = 99999 WHERE late_fee_fen > 0 AND id = (SELECT MIN(id) FROM instalments WHERE late_fee_fen > 0)`,
      );
    });
    const names = new Set((await checkInvariants(db)).map((v) => v.invariant));
    expect(names).toEqual(
      new Set([
        "used credit equals the unpaid principal of open instalments plus the amounts authorized and not yet captured",
        "stock is never negative",
        "scores stay within 350–950",
        "a consumer's score is the result of their credit events",
        "nothing is paid beyond what was due",
        "an instalment marked paid owes nothing, an open one owes something",
        "allocations match what the instalments record as paid",
        "each late fee is within its cap",
      ]),
    );
  });

  it("holds every admin mutation to its audit row", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const carol = await userId(db, "carol@example.com");
    const bob = await userId(db, "bob@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    await admin.admin.adjustScore({ consumerId: carol, delta: 25, reason: "Verified income" });
    await admin.admin.suspendPayLater({ consumerId: bob, reason: "Reported fraud" });
    await admin.admin.reinstatePayLater({ consumerId: bob, reason: "Cleared" });
    await admin.admin.suspendPayLater({ consumerId: carol, reason: "Reported fraud" });
    await admin.admin.setStoreActive({ storeId: lumen.id, active: false });
    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Complaints under review" });
    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false });
    expect(await checkInvariants(db)).toEqual([]);

    // The same changes made behind the log's back.
    const dave = await userId(db, "dave@example.com");
    const adminId = await userId(db, "admin@example.com");
    const longAgo = instant(new Date(1));
    await withTransaction(db, async (tx) => {
      await exec(
        tx,
        sql`INSERT INTO credit_events (user_id, delta, score_after, reason, actor_user_id, created_at)
        SELECT user_id, 10, score + 10, 'admin_adjustment', ${adminId}, ${longAgo} FROM credit_profiles WHERE user_id = ${dave}`,
      );
      await exec(tx, sql`UPDATE credit_profiles SET score = score + 10 WHERE user_id = ${dave}`);
      await tx.update(creditProfiles).set({ payLaterStatus: "suspended", suspendedReason: "admin" }).where(eq(creditProfiles.userId, bob));
      await tx.update(creditProfiles).set({ payLaterStatus: "enabled", suspendedReason: null }).where(eq(creditProfiles.userId, carol));
      await tx.update(stores).set({ active: true, payLaterForcedOff: true }).where(eq(stores.id, lumen.id));
      await exec(
        tx,
        sql`INSERT INTO audit_log (actor_user_id, actor_role, action, entity_type, entity_id, created_at)
        VALUES (${dave}, 'consumer', 'policy.update', 'policy', '99', ${longAgo})`,
      );
    });

    const found = (await checkInvariants(db)).map((v) => `${v.invariant}: ${v.detail}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^every admin score adjustment has its audit row: consumer ${dave}: 1 score adjustment`)),
        `an admin suspension matches the audit log: consumer ${bob}: suspended by admin, last audited consumer.reinstate`,
        `an admin suspension matches the audit log: consumer ${carol}: suspended by nobody, last audited consumer.suspend`,
        `a store's active and forced-off flags match the audit log: store ${lumen.id}: active 1 (last audited store.deactivate), forced off 1 (last audited store.lift_pay_later_off)`,
        expect.stringMatching(/^admin actions are audited as done by an admin: audit row \d+: policy.update by a consumer$/),
      ]),
    );
    expect(found).toHaveLength(5);
  });
});
