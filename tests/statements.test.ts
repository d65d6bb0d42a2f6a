import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { localDate } from "@/server/calendar";
import { signedFen, type MonthlyStatement } from "@/server/domain/statements";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { consumerStatements } from "@/server/services/statements/statements";
import { callerAs, seededDb, SEED_NOW, userId } from "./helpers";
import { billsOwedFen, generateHistory, owedByOrder } from "./statements-fixture";
import { MOUSE, payLaterOrder } from "./checkout-fixture";
import { CARD, newKey } from "./fixtures";
import { TEST_CARDS } from "@/server/services/payments/provider";
import { checkInvariants } from "@/server/services/verify/check-invariants";

/** Each statement adds up, opens where the last one closed, and its entries are its figures. */
function expectConsistent(statements: MonthlyStatement[]) {
  let opening = 0;
  for (const st of statements) {
    expect(st.openingFen, st.month).toBe(opening);
    expect(st.openingFen + st.ordersFen - st.paymentsFen - st.refundsFen + st.feesFen, st.month).toBe(st.closingFen);
    expect(
      st.entries.reduce((sum, e) => sum + signedFen(e), st.openingFen),
      st.month,
    ).toBe(st.closingFen);
    expect(st.entries.every((e) => e.on.startsWith(st.month) && e.amountFen > 0)).toBe(true);
    opening = st.closingFen;
  }
}

/** Every bill's entries over all months add up to what that bill owes now. */
async function expectBillsReconcile(db: Awaited<ReturnType<typeof seededDb>>["db"], consumerId: number, statements: MonthlyStatement[]) {
  const fromStatements = new Map<string, number>();
  for (const e of statements.flatMap((st) => st.entries)) fromStatements.set(e.orderNumber, (fromStatements.get(e.orderNumber) ?? 0) + signedFen(e));
  const owed = await owedByOrder(db, consumerId);
  for (const [number, owedFen] of owed) expect(fromStatements.get(number) ?? 0, number).toBe(owedFen);
}

describe("monthly statements", () => {
  it("reconcile with the bills to the fen for every demo consumer and every month of the seed", async () => {
    const { db, clock } = await seededDb();
    await runCreditJobs(db, clock.now());
    let months = 0;
    for (const email of ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "kate"].map((n) => `${n}@example.com`)) {
      const consumerId = await userId(db, email);
      const statements = await consumerStatements(db, clock, consumerId);
      expectConsistent(statements);
      await expectBillsReconcile(db, consumerId, statements);
      const closing = statements.at(-1)?.closingFen ?? 0;
      expect(closing, email).toBe(await billsOwedFen(db, clock, email));
      months += statements.length;
    }
    expect(months).toBeGreaterThan(11);
  });

  it("alice's statement of the seed month shows her order and what falls due next month", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const { statements, nextCursor } = await alice.statements.list({});
    expect(nextCursor).toBeNull();
    expect(statements[0]).toMatchObject({ month: "2026-11", current: true });
    const november = await alice.statements.get({ month: "2026-11" });
    const bills = (await alice.bills.list()).bills.filter((b) => b.status === "open");
    expect(november.closingFen).toBe(bills.reduce((sum, b) => sum + b.owedFen, 0));
    const dueInDecember = bills.flatMap((b) => b.instalments).filter((i) => i.dueDate.startsWith("2026-12"));
    expect(november.dueNextMonthFen).toBe(dueInDecember.reduce((sum, i) => sum + i.amountFen, 0));
    expect(november.dueNextMonthFen).toBeGreaterThan(0);
  });

  for (const seed of [2026, 2]) {
    it(`reconcile month by month over a generated history (seed ${seed}): orders, repayments, partial refunds, cancellations and late fees`, async () => {
      const { db, clock } = await seededDb();
      await runCreditJobs(db, clock.now());
      const history = await generateHistory(db, clock, seed, 70);
      const aliceId = await userId(db, "alice@example.com");
      const statements = await consumerStatements(db, clock, aliceId);
      expectConsistent(statements);
      await expectBillsReconcile(db, aliceId, statements);
      for (const [month, owedFen] of history.monthEndOwedFen) expect(statements.find((st) => st.month === month)?.closingFen, month).toBe(owedFen);
      expect(statements.at(-1)!.month).toBe(localDate(clock.now()).slice(0, 7));
      expect(history.monthEndOwedFen.size).toBeGreaterThanOrEqual(4);
      // The walk did each kind of thing the statements must account for.
      const kinds = new Set(statements.flatMap((st) => st.entries.map((e) => e.kind)));
      expect([...kinds].sort()).toEqual(["cancellation", "fee", "order", "payment", "refund"]);
      expect(history.counts.order).toBeGreaterThan(3);
    }, 120_000);
  }

  it("counts a late fee as first charged in its month, and what a refund waived of it in the refund's month", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const shop = await callerAs(db, clock, "shop@example.com");
    const { orderId, number } = await alice.shop.placeOrder(await payLaterOrder(db, [[MOUSE, 1]], "pay_in_3"));
    await shop.merchant.orders.ship({ orderId });
    clock.advanceDays(35);
    await runCreditJobs(db, clock.now());
    const [bill] = await db.select().from(s.bills).where(eq(s.bills.orderId, orderId));
    const [first] = await db.select().from(s.instalments).where(eq(s.instalments.billId, bill!.id)).orderBy(s.instalments.seq).limit(1);
    expect(first!.lateFeeFen).toBe(1_241);
    clock.advanceDays(6);
    await shop.merchant.orders.refund({ orderId, amountFen: 12_000, reason: "Part returned", idempotencyKey: newKey() });
    const [refund] = await db.select().from(s.refunds).where(eq(s.refunds.orderId, orderId));
    expect(refund!.feeWaivedFen).toBeGreaterThan(0);

    const statements = await consumerStatements(db, clock, await userId(db, "alice@example.com"));
    const ofOrder = (month: string, kind: string) =>
      statements.find((st) => st.month === month)!.entries.filter((e) => e.orderNumber === number && e.kind === kind);
    const [fee] = ofOrder("2026-12", "fee");
    expect(fee!.amountFen).toBe(1_241);
    expect(ofOrder("2027-01", "refund")).toEqual([expect.objectContaining({ amountFen: 12_000 - refund!.paidBackFen + refund!.feeWaivedFen })]);
    expectConsistent(statements);
    expect(statements.at(-1)!.closingFen).toBe(await billsOwedFen(db, clock, "alice@example.com"));
  });

  it("shows a due-date extension's fee as a fee and its card payment, leaving the balance as the bills have it", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const { params } = await admin.admin.policy();
    await admin.admin.updatePolicy({ params: { ...params, extensionFeeFen: 500 }, note: "Extension fee" });
    const alice = await callerAs(db, clock, "alice@example.com");
    const { orderId, number } = await alice.shop.placeOrder(await payLaterOrder(db, [[MOUSE, 1]], "pay_in_3"));
    const [bill] = await db.select().from(s.bills).where(eq(s.bills.orderId, orderId));
    const [, second] = await db.select().from(s.instalments).where(eq(s.instalments.billId, bill!.id)).orderBy(s.instalments.seq);
    expect(await alice.bills.previewExtension({ instalmentId: second!.id, days: 7 })).toMatchObject({ feeFen: 500 });
    const declined = alice.bills.extendDueDate({ instalmentId: second!.id, days: 7, idempotencyKey: newKey(), cardNumber: TEST_CARDS.declines });
    await expect(declined).rejects.toMatchObject({ cause: { code: "PAYMENT_DECLINED" } });
    const key = newKey();
    await alice.bills.extendDueDate({ instalmentId: second!.id, days: 7, idempotencyKey: key, cardNumber: CARD });
    await alice.bills.extendDueDate({ instalmentId: second!.id, days: 7, idempotencyKey: key, cardNumber: CARD });
    const paid = await db
      .select()
      .from(s.payments)
      .where(and(eq(s.payments.orderId, orderId), eq(s.payments.kind, "extension_fee")));
    expect(paid).toMatchObject([{ amountFen: 500, cardLast4: CARD.slice(-4) }]);

    const statements = await consumerStatements(db, clock, await userId(db, "alice@example.com"));
    const ofOrder = statements.at(-1)!.entries.filter((e) => e.orderNumber === number);
    expect(ofOrder.map((e) => [e.kind, e.amountFen])).toEqual([
      ["order", 14_900],
      ["fee", 500],
      ["payment", 500],
    ]);
    expectConsistent(statements);
    expect(statements.at(-1)!.closingFen).toBe(await billsOwedFen(db, clock, "alice@example.com"));
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("pages the months newest first and refuses a month that is not one", async () => {
    const { db, clock } = await seededDb(new Date("2026-01-10T02:00:00Z"));
    clock.set(new Date(SEED_NOW.getTime() + 400 * 86_400_000));
    const alice = await callerAs(db, clock, "alice@example.com");
    const first = await alice.statements.list({});
    expect(first.statements).toHaveLength(12);
    expect(first.statements[0]!.month > first.statements[1]!.month).toBe(true);
    const second = await alice.statements.list({ before: first.nextCursor });
    expect(second.statements[0]!.month < first.statements.at(-1)!.month).toBe(true);
    await expect(alice.statements.list({ before: "2026-13" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(alice.statements.get({ month: "1999-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("statements belong to their consumer", () => {
  it("shows dave only his own bills' entries, and a merchant or admin none at all", async () => {
    const { db, clock } = await seededDb();
    const aliceNumbers = (
      await db
        .select({ number: s.orders.number })
        .from(s.orders)
        .where(eq(s.orders.consumerId, await userId(db, "alice@example.com")))
    ).map((o) => o.number);
    const dave = await callerAs(db, clock, "dave@example.com");
    const { statements } = await dave.statements.list({});
    expect(statements.length).toBeGreaterThan(0);
    for (const { month } of statements) {
      const statement = await dave.statements.get({ month });
      expect(statement.entries.filter((e) => aliceNumbers.includes(e.orderNumber))).toEqual([]);
    }
    expect(statements[0]!.closingFen).toBe(await billsOwedFen(db, clock, "dave@example.com"));
    for (const email of ["shop@example.com", "admin@example.com"])
      await expect((await callerAs(db, clock, email)).statements.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
