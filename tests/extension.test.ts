import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { addDays } from "@/server/calendar";
import { fixedClock } from "@/server/clock";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { withTransaction } from "@/db/transaction";
import { instalmentsOf, openBillOf, profile } from "./bills-fixture";
import { noonOf } from "./autopay-fixture";
import { failure, newKey } from "./fixtures";
import { callerAs, seededDb } from "./helpers";

async function aliceBill() {
  const { db, clock } = await seededDb();
  const alice = await callerAs(db, clock, "alice@example.com");
  const bill = await openBillOf(db, "alice@example.com");
  const [first, second, third] = await instalmentsOf(db, bill.id);
  return { db, clock, alice, bill, first: first!, second: second!, third: third! };
}

describe("extending a due date", () => {
  it("moves one upcoming instalment once, shows the schedule first, and records it without a score effect", async () => {
    const { db, clock, alice, bill, first, second, third } = await aliceBill();
    const scoreBefore = (await profile(db, "alice@example.com")).score;
    const preview = await alice.bills.previewExtension({ instalmentId: second.id, days: 14 });
    expect(preview.schedule).toEqual([
      { seq: 1, dueDate: first.dueDate, moved: false },
      { seq: 2, dueDate: addDays(second.dueDate, 14), moved: true },
      { seq: 3, dueDate: third.dueDate, moved: false },
    ]);
    expect(preview).toMatchObject({ fromDate: second.dueDate, toDate: addDays(second.dueDate, 14), feeFen: 0 });
    // Previewing changes nothing.
    expect((await instalmentsOf(db, bill.id))[1]!.dueDate).toBe(second.dueDate);

    const key = newKey();
    const done = await alice.bills.extendDueDate({ instalmentId: second.id, days: 14, idempotencyKey: key });
    expect(done).toMatchObject({ toDate: addDays(second.dueDate, 14), replayed: false });
    expect((await instalmentsOf(db, bill.id))[1]).toMatchObject({ dueDate: addDays(second.dueDate, 14), overdueOn: addDays(second.dueDate, 18) });
    expect(await alice.bills.extendDueDate({ instalmentId: second.id, days: 14, idempotencyKey: key })).toMatchObject({ replayed: true });
    expect(await failure(alice.bills.extendDueDate({ instalmentId: second.id, days: 3, idempotencyKey: key }))).toMatchObject({
      domainCode: "IDEMPOTENCY_MISMATCH",
    });
    expect(await failure(alice.bills.extendDueDate({ instalmentId: first.id, days: 3, idempotencyKey: newKey() }))).toMatchObject({
      code: "CONFLICT",
      domainCode: "EXTENSION_USED",
    });

    const history = await db.select().from(s.orderEvents).where(eq(s.orderEvents.orderId, bill.orderId));
    expect(history.filter((e) => e.type === "due_date_extended")).toMatchObject([
      { note: `Instalment 2 moved from ${second.dueDate} to ${addDays(second.dueDate, 14)}` },
    ]);
    const noted = await db
      .select()
      .from(s.creditEvents)
      .where(and(eq(s.creditEvents.orderId, bill.orderId), eq(s.creditEvents.reason, "due_date_extended")));
    expect(noted).toMatchObject([{ delta: 0, scoreAfter: scoreBefore }]);
    expect((await profile(db, "alice@example.com")).score).toBe(scoreBefore);

    // The merchant's order page shows the new date.
    const shop = await callerAs(db, clock, "shop@example.com");
    const order = await shop.merchant.orders.detail({ orderId: bill.orderId });
    expect(JSON.stringify(order)).toContain(addDays(second.dueDate, 14));
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("refuses the last day before the due date, more days than the policy's, and past the next instalment", async () => {
    const { db, first } = await aliceBill();
    const onDay = (day: string) => callerAs(db, fixedClock(noonOf(day)), "alice@example.com");
    const dayBefore = await onDay(addDays(first.dueDate, -1));
    expect(await failure(dayBefore.bills.previewExtension({ instalmentId: first.id, days: 3 }))).toMatchObject({
      domainCode: "EXTENSION_NOT_ALLOWED",
      message: expect.stringContaining("two days before"),
    });
    const twoDaysBefore = await onDay(addDays(first.dueDate, -2));
    expect(await failure(twoDaysBefore.bills.previewExtension({ instalmentId: first.id, days: 15 }))).toMatchObject({
      message: "Move the due date by 1 to 14 days.",
    });
    expect(await twoDaysBefore.bills.previewExtension({ instalmentId: first.id, days: 14 })).toMatchObject({ toDate: addDays(first.dueDate, 14) });
  });

  it("refuses while anything on the order is past its due date", async () => {
    const { db, clock, first, second } = await aliceBill();
    const late = await callerAs(db, fixedClock(noonOf(addDays(first.dueDate, 1))), "alice@example.com");
    expect(await failure(late.bills.extendDueDate({ instalmentId: second.id, days: 5, idempotencyKey: newKey() }))).toMatchObject({
      domainCode: "EXTENSION_NOT_ALLOWED",
      message: expect.stringContaining("past its due date"),
    });
    // dave's overdue bill.
    const dave = await callerAs(db, clock, "dave@example.com");
    const daveBill = await openBillOf(db, "dave@example.com");
    const open = (await instalmentsOf(db, daveBill.id)).filter((i) => i.state === "open");
    expect(await failure(dave.bills.previewExtension({ instalmentId: open.at(-1)!.id, days: 5 }))).toMatchObject({
      domainCode: "EXTENSION_NOT_ALLOWED",
    });
  });

  it("keeps the terms of the bill's policy version when the admin changes them", async () => {
    const { db, clock, alice, second } = await aliceBill();
    const admin = await callerAs(db, clock, "admin@example.com");
    const current = await admin.admin.policy();
    await admin.admin.updatePolicy({ params: { ...current.params, extensionMaxDays: 0, extensionFeeFen: 500 }, note: "No more extensions" });
    expect((await admin.admin.policy()).params).toMatchObject({ extensionMaxDays: 0, extensionFeeFen: 500 });
    expect(await alice.bills.previewExtension({ instalmentId: second.id, days: 14 })).toMatchObject({ feeFen: 0 });
  });

  it("lets only one of two racing requests move a date on the same order", async () => {
    const { db, alice, bill, first, second } = await aliceBill();
    const outcomes = await Promise.allSettled([
      alice.bills.extendDueDate({ instalmentId: first.id, days: 7, idempotencyKey: newKey() }),
      alice.bills.extendDueDate({ instalmentId: second.id, days: 7, idempotencyKey: newKey() }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason.cause as { code?: string }).code).toBe("EXTENSION_USED");
    expect(await db.select().from(s.dueDateExtensions).where(eq(s.dueDateExtensions.orderId, bill.orderId))).toHaveLength(1);
    const moved = (await instalmentsOf(db, bill.id)).filter((i, n) => i.dueDate !== [first, second][n]?.dueDate && n < 2);
    expect(moved).toHaveLength(1);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("is the consumer's own: another consumer cannot see or move it", async () => {
    const { db, clock, second } = await aliceBill();
    const bob = await callerAs(db, clock, "bob@example.com");
    expect(await failure(bob.bills.previewExtension({ instalmentId: second.id, days: 3 }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(bob.bills.extendDueDate({ instalmentId: second.id, days: 3, idempotencyKey: newKey() }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("verify on extensions", () => {
  it("names an order moved twice, and an extension missing from the order's history", async () => {
    const { db, alice, bill, second } = await aliceBill();
    await alice.bills.extendDueDate({ instalmentId: second.id, days: 7, idempotencyKey: newKey() });
    expect(await checkInvariants(db)).toEqual([]);
    const [moved] = await db
      .select()
      .from(s.orderEvents)
      .where(and(eq(s.orderEvents.orderId, bill.orderId), eq(s.orderEvents.type, "due_date_extended")));
    await withTransaction(db, async (tx) => {
      await tx.insert(s.orderEvents).values({ ...moved!, id: undefined });
    });
    expect((await checkInvariants(db)).map((v) => v.invariant)).toEqual(["an extension happened at most once per order"]);
    await withTransaction(db, async (tx) => {
      await tx.delete(s.orderEvents).where(and(eq(s.orderEvents.orderId, bill.orderId), eq(s.orderEvents.type, "due_date_extended")));
    });
    expect((await checkInvariants(db)).map((v) => v.invariant)).toEqual([
      "an extension is recorded in the order's history and on the credit report, and moved its instalment",
    ]);
  });
});
