import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { first } from "@/db/query";
import * as s from "@/db/schema";
import { effectKey } from "@/server/domain/effects";
import { repayBill } from "@/server/services/bills/repay-bill";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, seededDb, userId } from "./helpers";
import { CARD, DECLINED_CARD, failure, newKey } from "./fixtures";
import { profile, openBillOf, instalmentsOf, eventsLike, spyProvider, creditFacts, paymentFacts } from "./bills-fixture";

describe("repaying a bill", () => {
  it("pays alice's next instalment: paid on time, bonus once, credit released", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const bill = await openBillOf(db, "alice@example.com");
    const before = await alice.credit.summary();
    const result = await alice.bills.repay({ billId: bill.id, amountFen: 109_967, cardNumber: CARD, idempotencyKey: newKey() });
    expect(result).toMatchObject({ amountFen: 109_967, billPaid: false, replayed: false });
    const [paidInst, nextInst] = await instalmentsOf(db, bill.id);
    expect(paidInst).toMatchObject({ state: "paid", paidPrincipalFen: 109_967, paidOn: "2026-11-25" });
    expect(nextInst).toMatchObject({ state: "open", paidPrincipalFen: 0 });
    const after = await alice.credit.summary();
    expect(after.availableCreditFen - before.availableCreditFen).toBe(109_967);
    expect(after.score).toBe(before.score + 5);
    expect(await eventsLike(db, effectKey.onTime(paidInst!.id))).toHaveLength(1);
    const allocation = (await first(
      db.select().from(s.paymentAllocations).where(eq(s.paymentAllocations.paymentId, result.paymentId)).orderBy(s.paymentAllocations.id).limit(1),
    ))!;
    expect(allocation).toMatchObject({ storeId: bill.storeId, principalFen: 109_967, feeFen: 0, createdAt: clock.now() });
    expect((await alice.notifications.list({ limit: 10 })).items.map((n) => n.content)).toEqual([
      { kind: "payment_received", params: { amountFen: 109_967, billPaid: false } },
    ]);
  });

  it("earns the on-time bonus only when an instalment is paid in full by its due date, and once", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const bill = await openBillOf(db, "alice@example.com");
    const score = (await profile(db, "alice@example.com")).score;
    await alice.bills.repay({ billId: bill.id, amountFen: 50_000, cardNumber: CARD, idempotencyKey: newKey() });
    expect((await profile(db, "alice@example.com")).score).toBe(score);
    await alice.bills.repay({ billId: bill.id, amountFen: 59_967, cardNumber: CARD, idempotencyKey: newKey() });
    expect((await profile(db, "alice@example.com")).score).toBe(score + 5);
    // The second instalment paid after its due date (but in grace): no bonus.
    clock.advanceDays(57);
    await alice.bills.repay({ billId: bill.id, amountFen: 109_967, cardNumber: CARD, idempotencyKey: newKey() });
    expect((await instalmentsOf(db, bill.id))[1]).toMatchObject({ state: "paid", lateFeeFen: 0 });
    expect((await profile(db, "alice@example.com")).score).toBe(score + 5);
    const aliceId = await userId(db, "alice@example.com");
    const firstId = (await instalmentsOf(db, bill.id))[0]!.id;
    expect((await eventsLike(db, "on_time:%")).filter((e) => e.userId === aliceId && e.instalmentId === firstId)).toHaveLength(1);
  });

  it("allocates partial payments to the late fee first, then principal, oldest instalment first", async () => {
    const { db, clock } = await seededDb();
    const erin = await callerAs(db, clock, "erin@example.com");
    const bill = await openBillOf(db, "erin@example.com");
    const used = (await profile(db, "erin@example.com")).usedCreditFen;
    const pay = (amountFen: number) => erin.bills.repay({ billId: bill.id, amountFen, cardNumber: CARD, idempotencyKey: newKey() });

    await pay(1_000);
    expect((await instalmentsOf(db, bill.id))[1]).toMatchObject({ paidFeeFen: 1_000, paidPrincipalFen: 0, state: "open" });
    await pay(1_000);
    expect((await instalmentsOf(db, bill.id))[1]).toMatchObject({ paidFeeFen: 1_500, paidPrincipalFen: 500, state: "open" });
    expect((await profile(db, "erin@example.com")).usedCreditFen).toBe(used - 500);
    expect((await profile(db, "erin@example.com")).payLaterStatus).toBe("suspended");

    const result = await pay(22_733 + 100);
    expect(result.allocations).toEqual([
      { instalmentId: (await instalmentsOf(db, bill.id))[1]!.id, feeFen: 0, principalFen: 22_733 },
      { instalmentId: (await instalmentsOf(db, bill.id))[2]!.id, feeFen: 0, principalFen: 100 },
    ]);
    const [, second, third] = await instalmentsOf(db, bill.id);
    expect(second).toMatchObject({ state: "paid", paidPrincipalFen: 23_233, paidFeeFen: 1_500, paidOn: "2026-11-25" });
    expect(third).toMatchObject({ state: "open", paidPrincipalFen: 100 });
    expect(await profile(db, "erin@example.com")).toMatchObject({ usedCreditFen: used - 23_233 - 100, payLaterStatus: "enabled" });
    expect(await eventsLike(db, effectKey.onTime(second!.id))).toHaveLength(0);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("reinstates dave once he pays everything he owes, fee included", async () => {
    const { db, clock } = await seededDb();
    const dave = await callerAs(db, clock, "dave@example.com");
    const bill = await openBillOf(db, "dave@example.com");
    expect((await failure(dave.bills.repay({ billId: bill.id, amountFen: 131_401, cardNumber: CARD, idempotencyKey: newKey() }))).domainCode).toBe(
      "OVERPAYMENT",
    );
    const result = await dave.bills.repay({ billId: bill.id, amountFen: 131_400, cardNumber: CARD, idempotencyKey: newKey() });
    expect(result).toMatchObject({ billPaid: true, payLaterReinstated: true });
    expect((await first(db.select().from(s.bills).where(eq(s.bills.id, bill.id))))!.status).toBe("paid");
    const summary = await dave.credit.summary();
    expect(summary).toMatchObject({ payLaterStatus: "enabled", hasOverdue: false, usedCreditFen: 0, score: 610 });
    // Newest first: after the seeded notices the jobs would have sent when his instalment went overdue.
    expect((await dave.notifications.list({ limit: 10 })).items.map((n) => n.content)).toEqual([
      { kind: "pay_later_reinstated", params: {} },
      { kind: "payment_received", params: { amountFen: 131_400, billPaid: true } },
      { kind: "pay_later_suspended", params: {} },
      { kind: "overdue", params: { dueDate: "2026-11-14", feeFen: 1_500 } },
    ]);
    // The jobs afterwards change nothing.
    const before = await creditFacts(db);
    await runCreditJobs(db, clock.now());
    expect(await creditFacts(db)).toEqual(before);
  });

  it("charges the late fee and penalty the jobs have not applied yet before allocating", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const bill = await openBillOf(db, "alice@example.com");
    clock.advanceDays(30);
    const result = await alice.bills.repay({ billId: bill.id, amountFen: 111_467, cardNumber: CARD, idempotencyKey: newKey() });
    expect(result.allocations[0]).toMatchObject({ feeFen: 1_500, principalFen: 109_967 });
    const first = (await instalmentsOf(db, bill.id))[0]!;
    expect(first).toMatchObject({ state: "paid", lateFeeFen: 1_500, paidFeeFen: 1_500 });
    expect(await eventsLike(db, effectKey.overdue(first.id))).toHaveLength(1);
    expect(await eventsLike(db, effectKey.onTime(first.id))).toHaveLength(0);
    expect(await profile(db, "alice@example.com")).toMatchObject({ score: 735, payLaterStatus: "enabled" });
    await runCreditJobs(db, clock.now());
    expect((await instalmentsOf(db, bill.id))[0]).toMatchObject({ lateFeeFen: 1_500, paidFeeFen: 1_500 });
    expect(await eventsLike(db, effectKey.overdue(first.id))).toHaveLength(1);
    expect((await profile(db, "alice@example.com")).score).toBe(735);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("lets only one of two racing full payments through, refunds the other, and overpays nothing", async () => {
    const { db, clock } = await seededDb();
    const bill = await openBillOf(db, "dave@example.com");
    const consumerId = await userId(db, "dave@example.com");
    const provider = spyProvider(2);
    const pay = () => repayBill(db, clock, { consumerId, billId: bill.id, amountFen: 131_400, cardNumber: CARD, idempotencyKey: newKey() }, provider);
    const results = await Promise.allSettled([pay(), pay()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("NOTHING_OWED");
    expect(provider).toMatchObject({ charges: 2, refunds: 1 });
    expect(await db.select().from(s.payments).where(eq(s.payments.billId, bill.id))).toHaveLength(1);
    expect((await instalmentsOf(db, bill.id))[0]).toMatchObject({ paidPrincipalFen: 129_900, paidFeeFen: 1_500, state: "paid" });
    expect((await profile(db, "dave@example.com")).usedCreditFen).toBe(0);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("records one payment when the same request arrives twice at once, and refunds the duplicate charge", async () => {
    const { db, clock } = await seededDb();
    const bill = await openBillOf(db, "alice@example.com");
    const provider = spyProvider(2);
    const input = {
      consumerId: await userId(db, "alice@example.com"),
      billId: bill.id,
      amountFen: 10_000,
      cardNumber: CARD,
      idempotencyKey: newKey(),
    };
    const [a, b] = await Promise.all([repayBill(db, clock, input, provider), repayBill(db, clock, input, provider)]);
    expect(a.paymentId).toBe(b.paymentId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(provider).toMatchObject({ charges: 2, refunds: 1 });
    expect(await db.select().from(s.payments).where(eq(s.payments.billId, bill.id))).toHaveLength(1);
    expect((await instalmentsOf(db, bill.id))[0]!.paidPrincipalFen).toBe(10_000);
  });

  it("writes nothing when the card is declined", async () => {
    const { db, clock } = await seededDb();
    const bill = await openBillOf(db, "dave@example.com");
    const before = { ...(await creditFacts(db)), ...(await paymentFacts(db)) };
    const refusal = await failure(
      (await callerAs(db, clock, "dave@example.com")).bills.repay({
        billId: bill.id,
        amountFen: 131_400,
        cardNumber: DECLINED_CARD,
        idempotencyKey: newKey(),
      }),
    );
    expect(refusal).toMatchObject({ code: "PAYMENT_REQUIRED", domainCode: "PAYMENT_DECLINED" });
    expect(refusal.message).toContain("declined");
    expect({ ...(await creditFacts(db)), ...(await paymentFacts(db)) }).toEqual(before);
  });

  it("refuses an overpayment before charging the card", async () => {
    const { db, clock } = await seededDb();
    const bill = await openBillOf(db, "alice@example.com");
    const provider = spyProvider();
    const refusal = await failure(
      repayBill(
        db,
        clock,
        { consumerId: await userId(db, "alice@example.com"), billId: bill.id, amountFen: 329_901, cardNumber: CARD, idempotencyKey: newKey() },
        provider,
      ),
    );
    expect(refusal).toMatchObject({ domainCode: "OVERPAYMENT", message: "The amount is more than the ¥3,299.00 owed." });
    expect(provider.charges).toBe(0);
  });

  it("returns the first payment for a replayed idempotency key and writes nothing", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const bill = await openBillOf(db, "alice@example.com");
    const input = { billId: bill.id, amountFen: 20_000, cardNumber: CARD, idempotencyKey: newKey() };
    const paid = await alice.bills.repay(input);
    const facts = { ...(await creditFacts(db)), ...(await paymentFacts(db)) };
    const again = await alice.bills.repay(input);
    expect(again).toMatchObject({ paymentId: paid.paymentId, amountFen: 20_000, allocations: paid.allocations, replayed: true });
    expect({ ...(await creditFacts(db)), ...(await paymentFacts(db)) }).toEqual(facts);
    expect((await failure(alice.bills.repay({ ...input, amountFen: 30_000 }))).domainCode).toBe("IDEMPOTENCY_MISMATCH");
  });

  it("refuses paying a bill that is already paid, and validates the input", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const paidBill = (await first(
      db
        .select()
        .from(s.bills)
        .where(and(eq(s.bills.consumerId, await userId(db, "alice@example.com")), eq(s.bills.status, "paid")))
        .orderBy(s.bills.id)
        .limit(1),
    ))!;
    expect((await failure(alice.bills.repay({ billId: paidBill.id, amountFen: 100, cardNumber: CARD, idempotencyKey: newKey() }))).domainCode).toBe(
      "NOTHING_OWED",
    );
    const bill = await openBillOf(db, "alice@example.com");
    expect((await failure(alice.bills.repay({ billId: bill.id, amountFen: 0, cardNumber: CARD, idempotencyKey: newKey() }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await failure(alice.bills.repay({ billId: bill.id, amountFen: 100, cardNumber: "12ab", idempotencyKey: newKey() }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await failure(alice.bills.repay({ billId: bill.id, amountFen: 100, cardNumber: CARD, idempotencyKey: "short" }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});
