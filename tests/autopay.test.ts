import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { first } from "@/db/query";
import * as s from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { addDays } from "@/server/calendar";
import { chargeAutopay } from "@/server/services/autopay/charge-autopay";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { instalmentsOf, spyProvider } from "./bills-fixture";
import { aliceWithAutopay, autopayPayments, chargesOf, jobsOn, noonOf, noticesOf } from "./autopay-fixture";
import { CARD, DECLINED_CARD, failure, newKey } from "./fixtures";
import { callerAs } from "./helpers";

describe("autopay", () => {
  it("reminds three days before, charges the instalment on its due date once, and then shows the next charge", async () => {
    const { db, alice, bill, first: inst, second, aliceId } = await aliceWithAutopay(CARD);
    expect(await alice.autopay.status()).toEqual({
      cardLast4: "4242",
      enabled: true,
      nextCharge: { date: inst.dueDate, amountFen: inst.amountFen },
      stopped: [],
    });

    await jobsOn(db, addDays(inst.dueDate, -3));
    const reminders = await noticesOf(db, aliceId, "autopay_upcoming");
    expect(reminders.map((n) => n.params)).toEqual([{ amountFen: inst.amountFen, dueDate: inst.dueDate, cardLast4: "4242" }]);
    expect(await noticesOf(db, aliceId, "due_in_3")).toEqual([]);

    const report = await jobsOn(db, inst.dueDate);
    expect(report.autopay).toEqual({ charged: 1, chargedFen: inst.amountFen, declined: 0, cancelled: 0 });
    await jobsOn(db, inst.dueDate);
    await jobsOn(db, addDays(inst.dueDate, 1));

    const payments = await autopayPayments(db, aliceId);
    expect(payments).toMatchObject([{ billId: bill.id, amountFen: inst.amountFen, cardLast4: "4242", idempotencyKey: `autopay:${inst.id}:1` }]);
    expect(await chargesOf(db, inst.id)).toMatchObject([{ attempt: 1, status: "charged", paymentId: payments[0]!.id, chargeDate: inst.dueDate }]);
    expect((await instalmentsOf(db, bill.id))[0]).toMatchObject({ state: "paid", paidOn: inst.dueDate });
    // Paid on its due date: on time, so the score rises as for a payment by hand.
    expect(
      await first(
        db
          .select()
          .from(s.creditEvents)
          .where(eq(s.creditEvents.effectKey, `on_time:${inst.id}`)),
      ),
    ).toMatchObject({ delta: 5 });
    const clockAfter = { now: () => noonOf(inst.dueDate) };
    const aliceLater = await callerAs(db, { ...clockAfter, set() {}, advanceDays() {} }, "alice@example.com");
    expect((await aliceLater.autopay.status()).nextCharge).toEqual({ date: second.dueDate, amountFen: second.amountFen });
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("never charges what was already paid by hand, nor with autopay turned off", async () => {
    const paidByHand = await aliceWithAutopay(CARD);
    await paidByHand.alice.bills.repay({
      billId: paidByHand.bill.id,
      amountFen: paidByHand.first.amountFen,
      cardNumber: CARD,
      idempotencyKey: newKey(),
    });
    expect((await jobsOn(paidByHand.db, paidByHand.first.dueDate)).autopay.charged).toBe(0);
    expect(await autopayPayments(paidByHand.db, paidByHand.aliceId)).toEqual([]);

    const turnedOff = await aliceWithAutopay(CARD);
    await turnedOff.alice.autopay.setEnabled({ enabled: false });
    expect(await turnedOff.alice.autopay.status()).toMatchObject({ cardLast4: "4242", enabled: false, nextCharge: null });
    expect((await jobsOn(turnedOff.db, turnedOff.first.dueDate)).autopay.charged).toBe(0);
    expect(await chargesOf(turnedOff.db, turnedOff.first.id)).toEqual([]);
  });

  it("retries a declined card the next day, three attempts in all, then stops and says so", async () => {
    const { db, alice, bill, first: inst, second, aliceId } = await aliceWithAutopay(DECLINED_CARD);
    for (let day = 0; day < 5; day++) await jobsOn(db, addDays(inst.dueDate, day));

    expect((await chargesOf(db, inst.id)).map((c) => [c.attempt, c.chargeDate, c.status])).toEqual([
      [1, inst.dueDate, "declined"],
      [2, addDays(inst.dueDate, 1), "declined"],
      [3, addDays(inst.dueDate, 2), "declined"],
    ]);
    expect(await autopayPayments(db, aliceId)).toEqual([]);
    expect((await instalmentsOf(db, bill.id))[0]!.state).toBe("open");
    const notices = await noticesOf(db, aliceId, "autopay_declined");
    expect(notices.map((n) => (n.params as { stopped: boolean; attempt: number }).stopped)).toEqual([false, false, true]);
    expect(notices[0]!.params).toEqual({ amountFen: inst.amountFen, dueDate: inst.dueDate, cardLast4: "0002", attempt: 1, stopped: false });

    const later = await callerAs(db, { now: () => noonOf(addDays(inst.dueDate, 4)), set() {}, advanceDays() {} }, "alice@example.com");
    const status = await later.autopay.status();
    // Past the grace by then: the late fee is owed too.
    expect(status.stopped).toEqual([{ dueDate: inst.dueDate, amountFen: inst.amountFen + 1_500 }]);
    expect(status.nextCharge).toEqual({ date: second.dueDate, amountFen: second.amountFen });
    await alice.autopay.saveCard({ cardNumber: CARD });
    // A new card does not restart what autopay gave up on: the consumer was told to repay it by hand.
    await jobsOn(db, addDays(inst.dueDate, 5));
    expect(await chargesOf(db, inst.id)).toHaveLength(3);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("charges once when two job runs race on the due date", async () => {
    const { db, first: inst, aliceId } = await aliceWithAutopay(CARD);
    const reports = await Promise.all([jobsOn(db, inst.dueDate), jobsOn(db, inst.dueDate)]);
    expect(reports.reduce((n, r) => n + r.autopay.charged, 0)).toBe(1);
    expect(await autopayPayments(db, aliceId)).toHaveLength(1);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("charges once when two autopay steps race without the lease between them", async () => {
    const { db, first: inst, aliceId } = await aliceWithAutopay(CARD);
    // Both runs reach the provider together if both claimed: the spy holds each charge until two were asked for.
    const provider = spyProvider(2);
    const at = noonOf(inst.dueDate);
    const run = () => chargeAutopay({ db, at, today: inst.dueDate, provider, hold: async () => {} });
    const outcomes = await Promise.all([run(), run()]);
    expect(outcomes.reduce((n, o) => n + o.charged, 0)).toBe(1);
    expect(provider.charges).toBe(1);
    expect(await autopayPayments(db, aliceId)).toHaveLength(1);
    expect(await chargesOf(db, inst.id)).toMatchObject([{ attempt: 1, status: "charged" }]);
  });

  it("finishes a charge a stopped run left pending, under the same key, once", async () => {
    const { db, first: inst, aliceId } = await aliceWithAutopay(CARD);
    const broken: PaymentProvider = {
      ...simulatedProvider,
      charge: async () => {
        throw new Error("connection reset");
      },
    };
    await expect(jobsOn(db, inst.dueDate, broken)).rejects.toThrow("connection reset");
    expect(await chargesOf(db, inst.id)).toMatchObject([{ attempt: 1, status: "pending" }]);
    expect(await checkInvariants(db)).toEqual([]);

    const report = await jobsOn(db, inst.dueDate);
    expect(report.autopay.charged).toBe(1);
    expect(await autopayPayments(db, aliceId)).toMatchObject([{ idempotencyKey: `autopay:${inst.id}:1` }]);
    expect(await chargesOf(db, inst.id)).toMatchObject([{ attempt: 1, status: "charged" }]);
  });
});

describe("autopay settings", () => {
  it("are each consumer's own: another consumer neither sees nor changes them", async () => {
    const { db, clock, alice, first: inst } = await aliceWithAutopay(CARD);
    const bob = await callerAs(db, clock, "bob@example.com");
    expect(await bob.autopay.status()).toEqual({ cardLast4: null, enabled: false, nextCharge: null, stopped: [] });
    expect(await failure(bob.autopay.setEnabled({ enabled: true }))).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "NO_SAVED_CARD" });
    await bob.autopay.removeCard();
    expect(await alice.autopay.status()).toMatchObject({ cardLast4: "4242", enabled: true, nextCharge: { date: inst.dueDate } });
    expect(await failure(alice.autopay.saveCard({ cardNumber: "4242" }))).toMatchObject({ code: "BAD_REQUEST" });
    await alice.autopay.removeCard();
    expect(await alice.autopay.status()).toEqual({ cardLast4: null, enabled: false, nextCharge: null, stopped: [] });
  });

  it("never store the card number, only the vault's token and the last four digits", async () => {
    const { db, aliceId } = await aliceWithAutopay(DECLINED_CARD);
    const [saved] = await db.select().from(s.autopayCards).where(eq(s.autopayCards.userId, aliceId));
    expect(saved).toMatchObject({ cardLast4: "0002", enabled: true });
    expect(JSON.stringify(saved)).not.toMatch(/4000\s?0000/);
  });
});

describe("verify on autopay", () => {
  it("names a charge without its payment and a payment without its charge", async () => {
    const { db, first: inst, aliceId } = await aliceWithAutopay(CARD);
    await jobsOn(db, inst.dueDate);
    const [payment] = await autopayPayments(db, aliceId);
    const setCharge = (values: { paymentId: number | null; amountFen?: number }) =>
      withTransaction(db, async (tx) => {
        await tx.update(s.autopayCharges).set(values).where(eq(s.autopayCharges.instalmentId, inst.id));
      });
    await setCharge({ paymentId: null });
    expect(new Set((await checkInvariants(db)).map((v) => v.invariant))).toEqual(
      new Set(["an autopay charge matches exactly one payment", "an autopay payment belongs to one autopay charge"]),
    );
    await setCharge({ paymentId: payment!.id, amountFen: 1 });
    expect((await checkInvariants(db)).map((v) => v.invariant)).toEqual(["an autopay charge matches exactly one payment"]);
  });
});
