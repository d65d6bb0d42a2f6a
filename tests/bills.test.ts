import { describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { closeDb, openDb, type Db } from "@/db/client";
import { first, row } from "@/db/query";
import * as s from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { effectKey } from "@/server/domain/effects";
import { repayBill } from "@/server/services/bills/repay-bill";
import { jobsClockFromArgs } from "@/server/services/jobs/job-clock";
import { acquireLease, holdLease, LeaseLost } from "@/server/services/jobs/job-lease";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { callerAs, databaseUrlOf, seededDb, SEED_NOW, userId } from "./helpers";
import { whenLeaseTaken } from "./job-runs";
import { CARD, DECLINED_CARD, failure, newKey } from "./fixtures";

async function profile(db: Db, email: string) {
  return (await first(
    db
      .select()
      .from(s.creditProfiles)
      .where(eq(s.creditProfiles.userId, await userId(db, email))),
  ))!;
}

async function openBillOf(db: Db, email: string) {
  return (await first(
    db
      .select()
      .from(s.bills)
      .where(and(eq(s.bills.consumerId, await userId(db, email)), eq(s.bills.status, "open")))
      .orderBy(s.bills.id)
      .limit(1),
  ))!;
}

function instalmentsOf(db: Db, billId: number) {
  return db.select().from(s.instalments).where(eq(s.instalments.billId, billId)).orderBy(s.instalments.seq);
}

function eventsLike(db: Db, pattern: string) {
  return db.select().from(s.creditEvents).where(like(s.creditEvents.effectKey, pattern)).orderBy(s.creditEvents.id);
}

/**
 * A provider that records what it was asked to do. With `together` above 1, each charge waits (up to two seconds)
 * until that many charges were asked for: racing requests then all pass their checks and charge before any of them
 * records its payment, on either engine, whatever the timing of the database.
 */
function spyProvider(together = 1): PaymentProvider & { charges: number; refunds: number } {
  let allCharging!: () => void;
  const charging = new Promise<void>((resolve) => (allCharging = resolve));
  const spy = {
    charges: 0,
    refunds: 0,
    async charge(request: Parameters<PaymentProvider["charge"]>[0]) {
      spy.charges += 1;
      if (spy.charges >= together) allCharging();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([charging, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      clearTimeout(timer);
      return simulatedProvider.charge(request);
    },
    async refund(request: Parameters<PaymentProvider["refund"]>[0]) {
      spy.refunds += 1;
      return simulatedProvider.refund(request);
    },
  };
  return spy;
}

/** Everything the jobs could change about credit, for before/after comparisons. */
async function creditFacts(db: Db) {
  return {
    instalments: await db.select().from(s.instalments).orderBy(s.instalments.id),
    events: await db.select().from(s.creditEvents).orderBy(s.creditEvents.id),
    profiles: await db.select().from(s.creditProfiles).orderBy(s.creditProfiles.userId),
    bills: await db.select().from(s.bills).orderBy(s.bills.id),
  };
}

/** Payments and notifications, for "wrote nothing" comparisons. */
async function paymentFacts(db: Db) {
  return {
    payments: await db.select().from(s.payments).orderBy(s.payments.id),
    allocations: await db.select().from(s.paymentAllocations).orderBy(s.paymentAllocations.id),
    notifications: await db.select().from(s.notifications).orderBy(s.notifications.id),
  };
}

describe("the bills list", () => {
  it("shows alice's open bill with derived statuses and dave's overdue bill with days and fee", async () => {
    const { db, clock } = await seededDb();
    const alice = await (await callerAs(db, clock, "alice@example.com")).bills.list();
    const open = alice.bills.filter((b) => b.status === "open");
    expect(open).toHaveLength(1);
    expect(open[0]!.instalments.map((i) => [i.status, i.amountFen])).toEqual([
      ["upcoming", 109_967],
      ["upcoming", 109_967],
      ["upcoming", 109_966],
    ]);
    expect(open[0]!.nextInstalmentFen).toBe(109_967);
    expect(alice.bills.some((b) => b.status === "paid")).toBe(true);
    expect(alice.totals).toEqual({ owedNowFen: 0, owedLaterFen: 329_900, overdueFen: 0 });

    const dave = await (await callerAs(db, clock, "dave@example.com")).bills.list();
    expect(dave.bills[0]!.instalments[0]).toMatchObject({ status: "overdue", daysPastDue: 11, lateFeeFen: 1_500, owedFen: 131_400 });
    expect(dave.totals).toEqual({ owedNowFen: 131_400, owedLaterFen: 0, overdueFen: 131_400 });
  });

  it("derives overdue and the fee from the clock when the jobs have not run", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(30); // alice's first instalment: due in 25 days, grace 3, so 5 days past due and overdue
    const alice = await (await callerAs(db, clock, "alice@example.com")).bills.list();
    const first = alice.bills.find((b) => b.status === "open")!.instalments[0]!;
    expect(first).toMatchObject({ status: "overdue", daysPastDue: 5, lateFeeFen: 1_500, owedFen: 111_467 });
    expect((await instalmentsOf(db, (await openBillOf(db, "alice@example.com")).id))[0]!.lateFeeFen).toBe(0);
  });

  it("is only for consumers, and only their own bills", async () => {
    const { db, clock } = await seededDb();
    expect((await failure((await callerAs(db, clock, "shop@example.com")).bills.list())).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(db, clock, null)).bills.list())).code).toBe("UNAUTHORIZED");
    const aliceBill = await openBillOf(db, "alice@example.com");
    const bob = await callerAs(db, clock, "bob@example.com");
    expect((await failure(bob.bills.repay({ billId: aliceBill.id, amountFen: 100, cardNumber: CARD, idempotencyKey: newKey() }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await bob.bills.list()).bills.every((b) => b.id !== aliceBill.id)).toBe(true);
  });
});

describe("what is past due", () => {
  it("says dave's ¥1,314.00 is 11 days past due, counted from the due date, on the overview and for the header", async () => {
    const { db, clock } = await seededDb();
    const dave = await callerAs(db, clock, "dave@example.com");
    const expected = { owedFen: 131_400, daysPastDue: 11, overdue: true, lateFeeFrom: null };
    expect(await dave.bills.pastDue()).toEqual(expected);
    expect((await dave.credit.summary()).pastDue).toEqual(expected);
    // His checkout refusal leads to the bill: what he must do is repay.
    expect((await dave.shop.checkout()).owesOverdue).toBe(true);
    const alice = await callerAs(db, clock, "alice@example.com");
    expect(await alice.bills.pastDue()).toBeNull();
    expect((await alice.shop.checkout()).owesOverdue).toBe(false);
  });

  it("is past due but in grace the day after the due date: no fee yet, and the day it starts", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(26); // alice's first instalment is due 25 days after the seed
    const alice = await callerAs(db, clock, "alice@example.com");
    const bill = (await alice.bills.list()).bills.find((b) => b.status === "open")!;
    expect(bill.instalments[0]).toMatchObject({ status: "in_grace", daysPastDue: 1, lateFeeFen: 0 });
    const feeFrom = bill.instalments[0]!.lateFeeFrom!;
    expect(await alice.bills.pastDue()).toEqual({ owedFen: 109_967, daysPastDue: 1, overdue: false, lateFeeFrom: feeFrom });
    expect(feeFrom > bill.instalments[0]!.dueDate).toBe(true);
  });
});

describe("the credit jobs", () => {
  it("change nothing on the freshly seeded data at the seed's time", async () => {
    const { db } = await seededDb();
    const before = await creditFacts(db);
    const report = await runCreditJobs(db, SEED_NOW);
    expect(report).toMatchObject({
      skipped: false,
      markedOverdue: 0,
      overduePenalties: 0,
      longOverduePenalties: 0,
      suspended: 0,
      reinstated: 0,
      snapshots: 2,
    });
    expect(await creditFacts(db)).toEqual(before);
  });

  it("mark an instalment overdue, charge one fee, apply one penalty and suspend, however often they run", async () => {
    const { db, clock } = await seededDb();
    const bill = await openBillOf(db, "alice@example.com");
    const first = (await instalmentsOf(db, bill.id))[0]!;
    clock.advanceDays(30);
    const report = await runCreditJobs(db, clock.now());
    // alice's first instalment and, by then, ivan's, kate's and erin's other instalment (each ¥15).
    expect(report).toMatchObject({ markedOverdue: 4, lateFeesFen: 6_000, overduePenalties: 4, suspended: 3 });
    const again = await runCreditJobs(db, clock.now());
    expect(again).toMatchObject({ skipped: false, markedOverdue: 0, lateFeesFen: 0, overduePenalties: 0, longOverduePenalties: 0, suspended: 0 });
    await Promise.all([runCreditJobs(db, clock.now()), runCreditJobs(db, clock.now())]);

    expect((await instalmentsOf(db, bill.id))[0]).toMatchObject({ lateFeeFen: 1_500, overdueMarkedAt: clock.now() });
    expect(await eventsLike(db, `overdue:${first.id}`)).toHaveLength(1);
    expect(await profile(db, "alice@example.com")).toMatchObject({ score: 735, payLaterStatus: "suspended", suspendedReason: "overdue" });
    const notices = await db
      .select()
      .from(s.notifications)
      .where(eq(s.notifications.userId, await userId(db, "alice@example.com")));
    expect(notices.filter((n) => n.kind === "overdue")).toHaveLength(1);
    expect(notices.filter((n) => n.kind === "pay_later_suspended")).toHaveLength(1);
    expect(await db.select().from(s.receivablesSnapshots)).toHaveLength(2);

    clock.advanceDays(28); // 30 days overdue now
    await runCreditJobs(db, clock.now());
    await runCreditJobs(db, clock.now());
    expect(await eventsLike(db, effectKey.overdue30(first.id))).toHaveLength(1);
    expect(await eventsLike(db, `overdue:${first.id}`)).toHaveLength(1);
    expect((await instalmentsOf(db, bill.id))[0]!.lateFeeFen).toBe(1_500);
    expect((await profile(db, "alice@example.com")).score).toBe(735 - 50);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("let only one of two runs at once through, and write each effect once", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(30);
    const reports = await Promise.all([runCreditJobs(db, clock.now(), { batchSize: 1 }), runCreditJobs(db, clock.now(), { batchSize: 1 })]);
    // One run does the work; the other is turned away by the lease (or, on PostgreSQL, may start after the first
    // released it and find nothing left to do).
    expect(reports.filter((r) => r.markedOverdue > 0)).toHaveLength(1);
    expect(reports.reduce((n, r) => n + r.lateFeesFen, 0)).toBe(6_000);
    expect((await row<{ fees: number }>(db, sql`SELECT SUM(late_fee_fen) AS fees FROM instalments`))!.fees).toBe(6_000 + 7 * 1_500);
    const first = (await instalmentsOf(db, (await openBillOf(db, "alice@example.com")).id))[0]!;
    expect(await eventsLike(db, `overdue:${first.id}`)).toHaveLength(1);
  });

  it("fence a holder whose expired lease another run took over: its chunk rolls back", async () => {
    const { db } = await seededDb();
    const a = (await acquireLease(db, "fence-test"))!;
    expect(await acquireLease(db, "fence-test")).toBeNull(); // held
    // A lapsed lease the holder still names is renewed (nobody took it over)…
    await withTransaction(db, (tx) =>
      tx
        .update(s.jobLeases)
        .set({ expiresAt: new Date(0) })
        .where(eq(s.jobLeases.name, "fence-test")),
    );
    await withTransaction(db, (tx) => holdLease(tx, "fence-test", a));
    expect(await acquireLease(db, "fence-test")).toBeNull();
    // …but once another run took it over, the first holder's next chunk writes nothing.
    await withTransaction(db, (tx) =>
      tx
        .update(s.jobLeases)
        .set({ expiresAt: new Date(0) })
        .where(eq(s.jobLeases.name, "fence-test")),
    );
    const b = await acquireLease(db, "fence-test");
    expect(b).not.toBeNull();
    const before = await db.select().from(s.notifications);
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(s.notifications).values({ userId: 1, kind: "test", title: "t", body: "b", dedupeKey: "fence-test", createdAt: new Date() });
        await holdLease(tx, "fence-test", a);
      }),
    ).rejects.toBeInstanceOf(LeaseLost);
    expect(await db.select().from(s.notifications)).toEqual(before);
    await withTransaction(db, (tx) => holdLease(tx, "fence-test", b!)); // the new holder carries on
  });

  it("stay exactly-once when a stale lease lets a second run in midway, and the first stops at its next chunk", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(60);
    const firstRun = runCreditJobs(db, clock.now(), { batchSize: 1 });
    // Once the first run holds the lease it is between chunks; let its lease lapse and a second run take it over.
    await whenLeaseTaken(db, firstRun);
    await withTransaction(db, async (tx) => {
      await tx.update(s.jobLeases).set({ expiresAt: new Date(0) });
    });
    const secondRun = runCreditJobs(db, clock.now(), { batchSize: 1 });
    const [first, second] = await Promise.all([firstRun, secondRun]);
    expect(second!).toMatchObject({ skipped: false, fenced: false });
    // Between them every effect landed once: the fees they report are every fee charged (7 were charged by the seed).
    const keys = (await eventsLike(db, "overdue%")).map((e) => e.effectKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(first!.lateFeesFen + second!.lateFeesFen).toBe(
      (await row<{ fees: number }>(db, sql`SELECT SUM(late_fee_fen) AS fees FROM instalments`))!.fees - 7 * 1_500,
    );
    // A later run finds nothing left, and the lease is free again.
    const again = await runCreditJobs(db, clock.now());
    expect(again).toMatchObject({ skipped: false, fenced: false, markedOverdue: 0, overduePenalties: 0, longOverduePenalties: 0 });
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("stay exactly-once across two connections to one database", async () => {
    const { db: one } = await seededDb();
    const two = openDb(databaseUrlOf(one));
    try {
      const at = new Date(SEED_NOW.getTime() + 60 * 86_400_000);
      const before = (await eventsLike(one, "overdue%")).length;
      const reports = await Promise.all([runCreditJobs(one, at, { batchSize: 1 }), runCreditJobs(two, at, { batchSize: 1 })]);
      // And again after both finished, from the other side: nothing new.
      await runCreditJobs(two, at);
      await runCreditJobs(one, at);
      const applied = reports.reduce((n, r) => n + r.overduePenalties + r.longOverduePenalties, 0);
      expect(applied).toBeGreaterThan(0);
      expect((await eventsLike(one, "overdue%")).length - before).toBe(applied);
      expect(await checkInvariants(one)).toEqual([]);
      const keys = (await eventsLike(two, "overdue%")).map((e) => e.effectKey);
      expect(new Set(keys).size).toBe(keys.length);
      const fees = (await row<{ n: number }>(
        one,
        sql`SELECT COUNT(*) AS n FROM instalments WHERE state = 'open' AND overdue_marked_at IS NOT NULL AND late_fee_fen = 0`,
      ))!;
      expect(fees.n).toBe(0);
      expect(await one.select().from(s.receivablesSnapshots)).toHaveLength(2);
    } finally {
      await closeDb(two);
    }
  });

  it("send a due-in-3-days and a due-today reminder once each, with an outbox email per notification", async () => {
    const { db, clock } = await seededDb();
    const aliceId = await userId(db, "alice@example.com");
    clock.advanceDays(22);
    await runCreditJobs(db, clock.now());
    await runCreditJobs(db, clock.now());
    clock.advanceDays(3);
    await runCreditJobs(db, clock.now());
    const kinds = (await db.select({ kind: s.notifications.kind }).from(s.notifications).where(eq(s.notifications.userId, aliceId))).map(
      (n) => n.kind,
    );
    expect(kinds.sort()).toEqual(["due_in_3", "due_today"]);
    expect(await db.select().from(s.outbox).where(eq(s.outbox.recipient, "alice@example.com"))).toHaveLength(2);

    const alice = await callerAs(db, clock, "alice@example.com");
    expect(await alice.notifications.unreadCount()).toBe(2);
    expect((await alice.notifications.list({ limit: 1 })).nextCursor).not.toBeNull();
    await alice.notifications.markAllRead();
    expect(await alice.notifications.unreadCount()).toBe(0);
    expect(await (await callerAs(db, clock, "bob@example.com")).notifications.unreadCount()).toBe(0);
  });

  it("take their clock from --at as noon of that day in Shanghai, or now", () => {
    const now = new Date("2026-11-25T17:00:00Z");
    expect(jobsClockFromArgs(["--at", "2026-12-01"], now)).toEqual(new Date("2026-12-01T04:00:00Z"));
    expect(jobsClockFromArgs([], now)).toEqual(now);
    expect(jobsClockFromArgs(["--at", "01/12/2026"], now)).toBeNull();
    expect(jobsClockFromArgs(["--at"], now)).toBeNull();
    expect(jobsClockFromArgs(["--at", "2027-02-30"], now)).toBeNull();
  });

  it("reinstate an overdue-suspended consumer whose debt is gone", async () => {
    const { db, clock } = await seededDb();
    const dave = await userId(db, "dave@example.com");
    // Paid outside the app, say, and recorded without the status being reconciled.
    await withTransaction(db, async (tx) => {
      await tx.update(s.instalments).set({ state: "paid", paidPrincipalFen: 129_900, paidFeeFen: 1_500 }).where(eq(s.instalments.consumerId, dave));
    });
    const report = await runCreditJobs(db, clock.now());
    expect(report.reinstated).toBe(1);
    expect(await profile(db, "dave@example.com")).toMatchObject({ payLaterStatus: "enabled", suspendedReason: null });
  });
});

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
