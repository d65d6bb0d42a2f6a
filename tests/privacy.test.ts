import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { first } from "@/db/query";
import * as s from "@/db/schema";
import { authenticate } from "@/server/auth/authenticate";
import { sessionIsCurrent } from "@/server/auth/revocation";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { callerAs, seededDb, userId } from "./helpers";
import { tableDigest } from "./digest";
import { CARD, failure, newKey } from "./fixtures";
import { write } from "./checkout-fixture";

const PASSWORD = "houfu-demo-2026";

describe("downloading my data", () => {
  it("gives alice everything that is hers and nothing of anyone else's, and audits the download", async () => {
    const { db, clock } = await seededDb();
    const aliceId = await userId(db, "alice@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const [bill] = (await alice.bills.list()).bills.filter((b) => b.status === "open");
    await alice.bills.repay({ billId: bill!.id, amountFen: 100, cardNumber: CARD, idempotencyKey: newKey() });
    const data = await alice.privacy.exportData();
    const text = JSON.stringify(data);
    expect(data.profile).toMatchObject({ id: aliceId, email: "alice@example.com", name: expect.any(String) });
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("scrypt$");
    const own = await db.select({ number: s.orders.number }).from(s.orders).where(eq(s.orders.consumerId, aliceId));
    expect(data.orders.map((o) => o.number).sort()).toEqual(own.map((o) => o.number).sort());
    const others = await db.select({ number: s.orders.number }).from(s.orders).where(sql`${s.orders.consumerId} <> ${aliceId}`);
    for (const { number } of others) expect(text).not.toContain(number);
    expect(data.bills.length).toBeGreaterThan(0);
    expect(data.bills.every((b) => b.instalments.length > 0)).toBe(true);
    expect(data.payments.length).toBeGreaterThan(0);
    expect(data.creditEvents.length).toBeGreaterThan(0);
    expect(data.notifications).toEqual([expect.objectContaining({ kind: "payment_received", params: { amountFen: 100, billPaid: false } })]);
    expect(data.agreementAcceptances).toEqual([expect.objectContaining({ agreementVersion: 1 })]);
    const audit = await db.select().from(s.auditLog).where(eq(s.auditLog.action, "consumer.data_exported"));
    expect(audit).toEqual([expect.objectContaining({ actorUserId: aliceId, entityType: "consumer", entityId: String(aliceId) })]);
  });

  it("is for consumers only", async () => {
    const { db, clock } = await seededDb();
    for (const email of ["shop@example.com", "admin@example.com"])
      expect((await failure((await callerAs(db, clock, email)).privacy.exportData())).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(db, clock, null)).privacy.exportData())).code).toBe("UNAUTHORIZED");
  });
});

describe("closing my account", () => {
  it("is refused while anything is owed, with the amount, and writes nothing", async () => {
    const { db, clock } = await seededDb();
    for (const email of ["alice@example.com", "dave@example.com"]) {
      const caller = await callerAs(db, clock, email);
      const { owedFen } = await caller.privacy.closure();
      expect(owedFen).toBeGreaterThan(0);
      const before = await tableDigest(db);
      const refused = await failure(caller.privacy.closeAccount({ confirm: "CLOSE" }));
      expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "BALANCE_OWED" });
      expect(refused.message).toMatch(/You still owe ¥[\d,]+\.\d\d/);
      expect(await tableDigest(db)).toBe(before);
    }
  });

  it("is refused while an order waits for the store to capture it", async () => {
    const { db, clock } = await seededDb();
    const carolId = await userId(db, "carol@example.com");
    await write(db, (tx) => tx.update(s.orders).set({ status: "authorized" }).where(eq(s.orders.consumerId, carolId)));
    const refused = await failure((await callerAs(db, clock, "carol@example.com")).privacy.closeAccount({ confirm: "CLOSE" }));
    expect(refused.message).toMatch(/waiting for the store to capture/);
  });

  it("needs the confirmation word", async () => {
    const { db, clock } = await seededDb();
    const carol = await callerAs(db, clock, "carol@example.com");
    expect((await failure(carol.privacy.closeAccount({ confirm: "close" as "CLOSE" }))).code).toBe("BAD_REQUEST");
    expect((await first(db.select().from(s.users).where(eq(s.users.email, "carol@example.com"))))?.closedAt).toBeNull();
  });

  it("erases carol's personal fields, keeps her orders and payments, ends her sessions and stops her signing in", async () => {
    const { db, clock } = await seededDb();
    const carolId = await userId(db, "carol@example.com");
    const before = (await first(db.select().from(s.users).where(eq(s.users.id, carolId))))!;
    const token = { uid: carolId, sv: before.sessionVersion, sid: "carol-laptop" };
    expect(await sessionIsCurrent(db, token)).toBe(true);
    const ordersBefore = await db.select().from(s.orders).where(eq(s.orders.consumerId, carolId));
    const paymentsBefore = await db.select().from(s.payments).where(eq(s.payments.consumerId, carolId));
    expect(ordersBefore.length).toBeGreaterThan(0);

    await (await callerAs(db, clock, "carol@example.com")).privacy.closeAccount({ confirm: "CLOSE" });

    const after = (await first(db.select().from(s.users).where(eq(s.users.id, carolId))))!;
    expect(after).toMatchObject({ name: "Closed account", email: `closed-${carolId}@closed.invalid`, closedAt: clock.now() });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await sessionIsCurrent(db, token)).toBe(false);
    expect(await authenticate(db, clock, { email: "carol@example.com", password: PASSWORD, address: "203.0.113.9" })).toMatchObject({ ok: false });
    expect(await authenticate(db, clock, { email: after.email, password: PASSWORD, address: "203.0.113.9" })).toMatchObject({ ok: false });

    const ordersAfter = await db.select().from(s.orders).where(eq(s.orders.consumerId, carolId));
    expect(ordersAfter.map(({ id, number, totalFen, status }) => ({ id, number, totalFen, status }))).toEqual(
      ordersBefore.map(({ id, number, totalFen, status }) => ({ id, number, totalFen, status })),
    );
    for (const o of ordersAfter) expect(o).toMatchObject({ shippingName: "Closed account", shippingPhone: "—", shippingAddress: "—" });
    expect(await db.select().from(s.payments).where(eq(s.payments.consumerId, carolId))).toEqual(paymentsBefore);
    const text = JSON.stringify(
      await db
        .select()
        .from(s.auditLog)
        .where(eq(s.auditLog.entityId, String(carolId))),
    );
    expect(text).toContain("consumer.closed");
    expect(text).not.toContain("carol@example.com");

    // The store still sees its order (under the tombstone) and the admin still finds the consumer.
    const shop = await callerAs(db, clock, "shop@example.com");
    const lumenOrder = ordersAfter.find((o) => o.storeId === ordersBefore[0]!.storeId)!;
    const detail = await shop.merchant.orders.detail({ orderId: lumenOrder.id });
    expect(JSON.stringify(detail)).not.toMatch(/carol/i);
    const admin = await callerAs(db, clock, "admin@example.com");
    expect(await admin.admin.consumer({ consumerId: carolId })).toBeTruthy();

    // Closing twice is refused; the old session, had it survived, is no consumer any more.
    const again = createCaller(createContext({ db, clock, user: { id: carolId, role: "consumer", email: after.email } }));
    expect((await failure(again.privacy.closeAccount({ confirm: "CLOSE" }))).code).toBe("CONFLICT");
  });

  it("closes once when two requests race", async () => {
    const { db, clock } = await seededDb();
    const carol = await callerAs(db, clock, "carol@example.com");
    const results = await Promise.allSettled([carol.privacy.closeAccount({ confirm: "CLOSE" }), carol.privacy.closeAccount({ confirm: "CLOSE" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const audits = await db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, "consumer.closed"), eq(s.auditLog.entityType, "consumer")));
    expect(audits).toHaveLength(1);
  });
});
