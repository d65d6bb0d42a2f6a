import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";

import { bills, creditProfiles, notifications, orders, payments, refunds } from "@/db/schema";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { notificationEmail } from "@/server/services/notifications/notify";
import type { NotificationContent } from "@/server/domain/notifications";
import { first } from "@/db/query";
import { callerAs, seededDb, userId } from "./helpers";
import { failure } from "./fixtures";

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
