import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

import {
  auditLog,
  bills,
  creditProfiles,
  instalments,
  notifications,
  orders,
  paymentAllocations,
  payments,
  policyVersions,
  products,
  refunds,
  stores,
  users,
} from "@/db/schema";
import { addDays, localDate } from "@/server/calendar";
import { DEFAULT_POLICY } from "@/server/domain/policy";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { weeklyTrend } from "@/server/services/receivables/weekly-trend";
import { receivablesExportRows } from "@/server/services/receivables/export-rows";
import { fixedClock } from "@/server/clock";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { notificationEmail } from "@/server/services/notifications/notify";
import type { NotificationContent } from "@/server/domain/notifications";
import { first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { callerAs, freshDb, seededDb, SEED_NOW, userId } from "./helpers";
import { failure } from "./fixtures";

const DAY = 86_400_000;
const TODAY = localDate(SEED_NOW); // 2026-11-25

/**
 * A hand-built store with one instalment per bill, so every figure has a known answer:
 *  A due 3 days ago (last day of grace: NOT overdue), B due 4 days ago (overdue 1 day, fee ¥15),
 *  C 37 days overdue with ¥50 paid, D 97 days overdue (another customer), E due in 5 days,
 *  F due in 20 days, G paid on time 10 days ago, H void. A second store has its own overdue bill.
 */
async function buildFixture() {
  const db = await freshDb();
  const at = (daysAgo: number) => new Date(SEED_NOW.getTime() - daysAgo * DAY);
  const built = await withTransaction(db, async (tx) => {
    const user = async (email: string, name: string, role: "consumer" | "merchant") =>
      (await first(
        tx
          .insert(users)
          .values({ email, name, passwordHash: "x", role, createdAt: at(200) })
          .returning({ id: users.id }),
      ))!.id;
    const owner = await user("owner@example.com", "Olga Owner", "merchant");
    const otherOwner = await user("rival@example.com", "Rita Rival", "merchant");
    await tx.insert(policyVersions).values({ version: 1, params: DEFAULT_POLICY, note: "test", createdAt: at(300) });
    const store = (await first(
      tx
        .insert(stores)
        .values({ ownerUserId: owner, slug: "fixture", name: "Fixture", payLaterEnabled: true, createdAt: at(200) })
        .returning({ id: stores.id }),
    ))!.id;
    const rival = (await first(
      tx
        .insert(stores)
        .values({ ownerUserId: otherOwner, slug: "rival", name: "Rival", payLaterEnabled: true, createdAt: at(200) })
        .returning({ id: stores.id }),
    ))!.id;
    const c1 = await user("amy@example.com", "Amy Wang", "consumer");
    const c2 = await user("ben@example.com", "Ben Li", "consumer");
    for (const id of [c1, c2]) await tx.insert(creditProfiles).values({ userId: id, score: 700, payLaterStatus: "enabled", updatedAt: at(200) });

    let n = 0;
    const bill = async (o: {
      storeId?: number;
      consumerId: number;
      dueInDays: number;
      amountFen: number;
      placedDaysAgo: number;
      paidPrincipalFen?: number;
      lateFeeFen?: number;
      state?: "open" | "paid" | "void";
      paidDaysAgo?: number;
    }) => {
      n += 1;
      const storeId = o.storeId ?? store;
      const order = (await first(
        tx
          .insert(orders)
          .values({
            number: `FX-${n}`,
            consumerId: o.consumerId,
            storeId,
            status: "completed",
            paymentMethod: "pay_later",
            planCode: "pay_in_30",
            totalFen: o.amountFen,
            shippingName: "x",
            shippingPhone: "x",
            shippingAddress: "x",
            policyVersion: 1,
            idempotencyKey: `fx-${n}`,
            createdAt: at(o.placedDaysAgo),
            updatedAt: at(o.placedDaysAgo),
          })
          .returning({ id: orders.id }),
      ))!.id;
      const billId = (await first(
        tx
          .insert(bills)
          .values({
            orderId: order,
            consumerId: o.consumerId,
            storeId,
            policyVersion: 1,
            planCode: "pay_in_30",
            totalFen: o.amountFen,
            status: o.state === "paid" ? "paid" : "open",
            createdAt: at(o.placedDaysAgo),
          })
          .returning({ id: bills.id }),
      ))!.id;
      const dueDate = addDays(TODAY, o.dueInDays);
      const paidOn = o.state === "paid" ? addDays(TODAY, -o.paidDaysAgo!) : null;
      const inst = (await first(
        tx
          .insert(instalments)
          .values({
            billId,
            consumerId: o.consumerId,
            storeId,
            seq: 1,
            dueDate,
            overdueOn: addDays(dueDate, 4),
            amountFen: o.amountFen,
            paidPrincipalFen: o.paidPrincipalFen ?? 0,
            lateFeeFen: o.lateFeeFen ?? 0,
            state: o.state ?? "open",
            paidOn,
            paidAt: o.state === "paid" ? at(o.paidDaysAgo!) : null,
          })
          .returning({ id: instalments.id }),
      ))!.id;
      if (o.paidPrincipalFen) {
        const payment = (await first(
          tx
            .insert(payments)
            .values({
              consumerId: o.consumerId,
              billId,
              kind: "repayment",
              amountFen: o.paidPrincipalFen,
              providerRef: "p",
              idempotencyKey: `pay-${n}`,
              createdAt: at(o.paidDaysAgo!),
            })
            .returning({ id: payments.id }),
        ))!.id;
        await tx
          .insert(paymentAllocations)
          .values({ paymentId: payment, instalmentId: inst, storeId, principalFen: o.paidPrincipalFen, feeFen: 0, createdAt: at(o.paidDaysAgo!) });
      }
      return { order, inst };
    };
    const A = await bill({ consumerId: c1, dueInDays: -3, amountFen: 10_000, placedDaysAgo: 33 });
    const B = await bill({ consumerId: c1, dueInDays: -4, amountFen: 20_000, lateFeeFen: 1_500, placedDaysAgo: 34 });
    const C = await bill({ consumerId: c1, dueInDays: -40, amountFen: 30_000, paidPrincipalFen: 5_000, paidDaysAgo: 45, placedDaysAgo: 70 });
    const D = await bill({ consumerId: c2, dueInDays: -100, amountFen: 40_000, lateFeeFen: 0, placedDaysAgo: 130 });
    const E = await bill({ consumerId: c2, dueInDays: 5, amountFen: 50_000, placedDaysAgo: 25 });
    const F = await bill({ consumerId: c2, dueInDays: 20, amountFen: 60_000, placedDaysAgo: 10 });
    const G = await bill({
      consumerId: c1,
      dueInDays: -5,
      amountFen: 7_000,
      paidPrincipalFen: 7_000,
      paidDaysAgo: 10,
      state: "paid",
      placedDaysAgo: 35,
    });
    const H = await bill({ consumerId: c1, dueInDays: -60, amountFen: 99_000, state: "void", placedDaysAgo: 90 });
    await bill({ storeId: rival, consumerId: c2, dueInDays: -10, amountFen: 77_700, placedDaysAgo: 40 });
    return { store, ids: { A, B, C, D, E, F, G, H } };
  });
  return { db, clock: fixedClock(SEED_NOW), ...built };
}

describe("receivables figures on a hand-built store", () => {
  it("gives the known outstanding, due-soon, overdue, aging, collected and rates", async () => {
    const { db, store } = await buildFixture();
    const s = await receivablesSummary(db, { storeId: store, now: SEED_NOW });
    // A (in grace), E and F are outstanding; A and E fall due within 7 days.
    expect(s.outstandingFen).toBe(10_000 + 50_000 + 60_000);
    expect(s.outstandingBills).toBe(3);
    expect(s.dueIn7DaysFen).toBe(10_000 + 50_000);
    // B (1 day, with its fee), C (37 days, ¥50 paid), D (97 days).
    expect(s.overdueFen).toBe(21_500 + 25_000 + 40_000);
    expect(s.overdueBills).toBe(3);
    expect(s.overdueCustomers).toBe(2);
    expect(s.aging).toEqual({ d1_30: 21_500, d31_60: 25_000, d61_90: 0, d91_plus: 40_000 });
    // Only G's payment was in the last 30 days (C's was 45 days ago).
    expect(s.collected30dFen).toBe(7_000);
    // Come due: A, B, C, D, G; only G paid by its due date.
    expect(s.onTimeRate).toBeCloseTo(1 / 5, 10);
    expect(s.overdueRate).toBeCloseTo(86_500 / 206_500, 10);
  });

  it("puts the grace boundary right: due 3 days ago is 3 days past due in grace, due 4 days ago is overdue, 4 days past due", async () => {
    const { db, clock, ids } = await buildFixture();
    const merchant = (await callerAs(db, clock, "owner@example.com")).merchant;
    const a = await merchant.orders.detail({ orderId: ids.A.order });
    expect(a.bill!.instalments[0]).toMatchObject({ status: "in_grace", daysPastDue: 3, lateFeeFrom: addDays(TODAY, 1) });
    const b = await merchant.orders.detail({ orderId: ids.B.order });
    expect(b.bill!.instalments[0]).toMatchObject({ status: "overdue", daysPastDue: 4, owedFen: 21_500 });
    // A day later A is overdue, 4 days past due, without any job having run.
    clock.advanceDays(1);
    const later = await merchant.orders.detail({ orderId: ids.A.order });
    expect(later.bill!.instalments[0]).toMatchObject({ status: "overdue", daysPastDue: 4 });
    expect((await receivablesSummary(db, { storeId: (await merchant.settings()).id, now: clock.now() })).aging.d1_30).toBe(21_500 + 10_000);
  });

  it("lists the overdue instalments sorted by days or amount, page by page", async () => {
    const { db, clock, ids } = await buildFixture();
    const merchant = (await callerAs(db, clock, "owner@example.com")).merchant;
    const first = await merchant.receivables.overdue({ sort: "days", dir: "desc", limit: 2 });
    expect(first.items.map((i) => [i.daysPastDue, i.amountOverdueFen])).toEqual([
      [100, 40_000],
      [40, 25_000],
    ]);
    expect(first.items[0]!.customer).toEqual({ name: "B*** L.", email: "b***@example.com" });
    const second = await merchant.receivables.overdue({ sort: "days", dir: "desc", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => [i.daysPastDue, i.lateFeeFen, i.orderId])).toEqual([[4, 1_500, ids.B.order]]);
    expect(second.nextCursor).toBeNull();
    const byAmount = await merchant.receivables.overdue({ sort: "amount", dir: "asc", limit: 10 });
    expect(byAmount.items.map((i) => i.amountOverdueFen)).toEqual([21_500, 25_000, 40_000]);
    const overview = await merchant.overview();
    expect(overview.newlyOverdue).toEqual({ count: 1, amountFen: 21_500 });
  });

  it("charts twelve weeks ending today, whose last overdue point equals today's overdue", async () => {
    const { db, store } = await buildFixture();
    const weeks = await weeklyTrend(db, { storeId: store, now: SEED_NOW });
    expect(weeks).toHaveLength(12);
    expect(weeks[11]!.weekEnd).toBe(TODAY);
    expect(weeks[11]!.overdueFen).toBe(86_500);
    // F (placed 10 days ago) was sold in the previous week; G's ¥70 was collected then too.
    expect(weeks[10]!.salesFen).toBe(60_000);
    expect(weeks[10]!.collectedFen).toBe(7_000);
    // 20 days ago (week 9 ends 14 days ago): D and C were overdue (C's ¥50 was paid before); B was not yet.
    expect(weeks[9]!.overdueFen).toBe(40_000 + 25_000);
    // D (130 days ago) and H (90 days ago) were sold before the twelve weeks.
    expect(weeks.reduce((sum, w) => sum + w.salesFen, 0)).toBe(10_000 + 20_000 + 30_000 + 50_000 + 60_000 + 7_000);
  });

  it("exports every open or paid instalment, masked, with exact amounts", async () => {
    const { db, store } = await buildFixture();
    const rows: string[][] = [];
    for await (const batch of receivablesExportRows(db, { storeId: store, now: SEED_NOW, batchSize: 4 })) rows.push(...batch);
    expect(rows).toHaveLength(7); // A–G, not the void H nor the other store's
    const b = rows.find((r) => r[0] === "FX-2")!;
    expect(b).toEqual([
      "FX-2",
      addDays(TODAY, -34),
      "A*** W.",
      "a***@example.com",
      "1",
      addDays(TODAY, -4),
      "overdue",
      "4",
      "200.00",
      "0.00",
      "15.00",
      "0.00",
      "215.00",
    ]);
    expect(rows.find((r) => r[0] === "FX-7")!.slice(6)).toEqual(["paid", "0", "70.00", "70.00", "0.00", "0.00", "0.00"]);
  });

  it("exports a customer's formula-like name and email as text, not as a formula", async () => {
    const { db, store } = await buildFixture();
    const amy = await userId(db, "amy@example.com");
    await withTransaction(db, (tx) =>
      tx.update(users).set({ name: '=HYPERLINK("http://evil.example","x") Wang', email: "+cmd@example.com" }).where(eq(users.id, amy)),
    );
    const rows: string[][] = [];
    for await (const batch of receivablesExportRows(db, { storeId: store, now: SEED_NOW })) rows.push(...batch);
    const b = rows.find((r) => r[0] === "FX-2")!;
    expect(b.slice(2, 4)).toEqual(["'=*** W.", "'+***@example.com"]);
    expect(rows.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});

describe("cancel and refund move receivables and credit exactly", () => {
  it("cancelling Kate's placed pay-later order releases ¥149 of outstanding and of her used credit", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const kate = await callerAs(db, clock, "kate@example.com");
    const before = await shop.receivables.summary();
    const creditBefore = await kate.credit.summary();
    const order = (await first(db.select().from(orders).where(eq(orders.number, "HF-1012"))))!;
    await shop.orders.cancel({ orderId: order.id, reason: "Out of stock" });
    const after = await shop.receivables.summary();
    expect(before.outstandingFen - after.outstandingFen).toBe(14_900);
    expect(before.dueIn7DaysFen - after.dueIn7DaysFen).toBe(14_900);
    expect(after.overdueFen).toBe(before.overdueFen);
    const creditAfter = await kate.credit.summary();
    expect(creditAfter.availableCreditFen - creditBefore.availableCreditFen).toBe(14_900);
    expect(creditAfter.usedCreditFen).toBe(0);
    expect((await shop.orders.detail({ orderId: order.id })).status).toBe("cancelled");
    expect(await checkInvariants(db)).toEqual([]);
    // A shipped order cannot be cancelled.
    const shipped = (await first(db.select().from(orders).where(eq(orders.number, "HF-1002"))))!;
    expect(await failure(shop.orders.cancel({ orderId: shipped.id }))).toMatchObject({ code: "CONFLICT", domainCode: "INVALID_TRANSITION" });
  });

  it("a partial refund takes the last instalment first, then the one before, and frees that much credit", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const alice = await callerAs(db, clock, "alice@example.com");
    const order = (await first(db.select().from(orders).where(eq(orders.number, "HF-1002"))))!; // Lumen Tab 11, ¥3,299 in 3, shipped
    const before = await shop.receivables.summary();
    const creditBefore = await alice.credit.summary();
    const refund = await shop.orders.refund({ orderId: order.id, amountFen: 150_000, reason: "Scratched screen", idempotencyKey: "refund-tab-0001" });
    expect(refund).toMatchObject({ amountFen: 150_000, reducedBillFen: 150_000, paidBackFen: 0 });
    const detail = await shop.orders.detail({ orderId: order.id });
    expect(detail.bill!.instalments.map((i) => [i.amountFen, i.status])).toEqual([
      [109_967, "upcoming"],
      [109_967 - 40_034, "upcoming"],
      [0, "void"],
    ]);
    expect(detail).toMatchObject({ status: "shipped", partlyRefunded: true, refundedFen: 150_000, refundableFen: 179_900 });
    const after = await shop.receivables.summary();
    expect(before.outstandingFen - after.outstandingFen).toBe(150_000);
    const creditAfter = await alice.credit.summary();
    expect(creditAfter.availableCreditFen - creditBefore.availableCreditFen).toBe(150_000);
    expect(creditBefore.usedCreditFen - creditAfter.usedCreditFen).toBe(150_000);

    // A replay returns the first refund and writes nothing.
    const replay = await shop.orders.refund({ orderId: order.id, amountFen: 150_000, reason: "Scratched screen", idempotencyKey: "refund-tab-0001" });
    expect(replay.refundId).toBe(refund.refundId);
    expect(await db.select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(1);
    expect((await alice.credit.summary()).usedCreditFen).toBe(creditAfter.usedCreditFen);

    // More than what is left is refused; exactly what is left voids the bill.
    expect(
      await failure(shop.orders.refund({ orderId: order.id, amountFen: 179_901, reason: "Too much", idempotencyKey: "refund-tab-0002" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      domainCode: "REFUND_TOO_LARGE",
    });
    await shop.orders.refund({ orderId: order.id, amountFen: 179_900, reason: "Returned", idempotencyKey: "refund-tab-0003" });
    const bill = (await first(db.select().from(bills).where(eq(bills.orderId, order.id))))!;
    expect(bill.status).toBe("void");
    expect(await shop.orders.detail({ orderId: order.id })).toMatchObject({ status: "refunded", partlyRefunded: false, canRefund: false });
    expect((await alice.credit.summary()).usedCreditFen).toBe(creditBefore.usedCreditFen - 329_900);
    expect(await failure(shop.orders.refund({ orderId: order.id, amountFen: 1, reason: "Again", idempotencyKey: "refund-tab-0004" }))).toMatchObject({
      domainCode: "NOTHING_TO_REFUND",
    });
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("a ¥500 refund on a ¥3,299 shipped order keeps it shipped and completable, lists the refund, and tells the consumer the new schedule", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const alice = await callerAs(db, clock, "alice@example.com");
    const order = (await first(db.select().from(orders).where(eq(orders.number, "HF-1002"))))!; // Lumen Tab 11, ¥3,299 in 3, shipped
    await shop.orders.refund({ orderId: order.id, amountFen: 50_000, reason: "Dented corner", idempotencyKey: "refund-tab-0500" });

    const merchantView = await shop.orders.detail({ orderId: order.id });
    expect(merchantView).toMatchObject({ status: "shipped", partlyRefunded: true, refundedFen: 50_000, canComplete: true, refundableFen: 279_900 });
    expect(merchantView.refunds.map((r) => [r.amountFen, r.reason])).toEqual([[50_000, "Dented corner"]]);
    const consumerView = await alice.shop.order({ orderId: order.id });
    expect(consumerView).toMatchObject({ status: "shipped", partlyRefunded: true, refundedFen: 50_000 });
    expect(consumerView.refunds.map((r) => r.amountFen)).toEqual([50_000]);
    // ¥2,799 still owed, the last instalment cut by ¥500.
    expect(consumerView.bill!.instalments.map((i) => i.owedFen)).toEqual([109_967, 109_967, 59_966]);

    const notices = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, order.consumerId), eq(notifications.kind, "order_refunded")));
    expect(notices.map((n) => [n.params, n.link])).toEqual([
      [
        {
          store: "Lumen Electronics",
          orderNumber: "HF-1002",
          amountFen: 50_000,
          paidBackFen: 0,
          schedule: [
            { dueDate: "2026-12-20", amountFen: 109_967 },
            { dueDate: "2027-01-19", amountFen: 109_967 },
            { dueDate: "2027-02-18", amountFen: 59_966 },
          ],
        },
        `/account/orders/${order.id}`,
      ],
    ]);
    // Said in English in its email, with the new schedule.
    expect(notificationEmail({ kind: "order_refunded", params: notices[0]!.params } as NotificationContent).body).toBe(
      "Lumen Electronics refunded ¥500.00 on order HF-1002. Your new schedule: ¥1,099.67 due 2026-12-20; ¥1,099.67 due 2027-01-19; ¥599.66 due 2027-02-18.",
    );

    await shop.orders.complete({ orderId: order.id });
    expect(await shop.orders.detail({ orderId: order.id })).toMatchObject({ status: "completed", partlyRefunded: true });
    // Every refund is notified, and the one that clears the bill says nothing more is owed.
    await shop.orders.refund({ orderId: order.id, amountFen: 279_900, reason: "Returned", idempotencyKey: "refund-tab-0501" });
    const last = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, order.consumerId), eq(notifications.kind, "order_refunded")));
    expect(last).toHaveLength(2);
    expect(notificationEmail({ kind: "order_refunded", params: last[1]!.params } as NotificationContent).body).toBe(
      "Lumen Electronics refunded ¥2,799.00 on order HF-1002. Nothing more is owed on this order.",
    );
    expect((await shop.orders.detail({ orderId: order.id })).status).toBe("refunded");
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("pays back what exceeds the unpaid principal, and a cleared overdue lifts the suspension", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const erinId = await userId(db, "erin@example.com");
    const order = (await first(db.select().from(orders).where(eq(orders.number, "HF-1006"))))!; // ¥697 in 3: 232.34 paid, 232.33 overdue, 232.33 upcoming
    expect((await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, erinId))))!.payLaterStatus).toBe("suspended");
    const refund = await shop.orders.refund({ orderId: order.id, amountFen: 50_000, reason: "Returned speaker", idempotencyKey: "refund-erin-0001" });
    expect(refund).toMatchObject({ reducedBillFen: 46_466, paidBackFen: 3_534 });
    expect(await first(db.select().from(refunds).where(eq(refunds.orderId, order.id)))).toMatchObject({ amountFen: 50_000, paidBackFen: 3_534 });
    const back = await db
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.kind, "refund")));
    expect(back.map((p) => p.amountFen)).toEqual([3_534]);
    const profile = (await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, erinId))))!;
    expect(profile.usedCreditFen).toBe(0);
    expect(profile.payLaterStatus).toBe("enabled");
    expect((await first(db.select().from(bills).where(eq(bills.orderId, order.id))))!.status).toBe("paid");
    // Paid principal beyond the bill's unpaid part comes off the first (paid) instalment; the cancelled fee goes too.
    const detail = await shop.orders.detail({ orderId: order.id });
    expect(detail.bill!.instalments.map((i) => [i.amountFen, i.paidPrincipalFen, i.lateFeeFen, i.status])).toEqual([
      [19_700, 19_700, 0, "paid"],
      [0, 0, 0, "void"],
      [0, 0, 0, "void"],
    ]);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("refunds a pay-now order entirely to the consumer and refuses a placed one", async () => {
    const { db, clock } = await seededDb();
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    const paid = (await first(db.select().from(orders).where(eq(orders.number, "HF-1013"))))!;
    const refund = await shop.orders.refund({ orderId: paid.id, amountFen: 10_000, reason: "Wrong colour", idempotencyKey: "refund-now-0001" });
    expect(refund).toMatchObject({ reducedBillFen: 0, paidBackFen: 10_000 });
    expect(await checkInvariants(db)).toEqual([]);
    const placed = (await first(db.select().from(orders).where(eq(orders.number, "HF-1004"))))!;
    expect(
      await failure(shop.orders.refund({ orderId: placed.id, amountFen: 100, reason: "Nope", idempotencyKey: "refund-now-0002" })),
    ).toMatchObject({ domainCode: "INVALID_TRANSITION" });
  });
});

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
