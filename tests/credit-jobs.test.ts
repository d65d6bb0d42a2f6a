import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { closeDb, openDb } from "@/db/client";
import { row } from "@/db/query";
import * as s from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { effectKey } from "@/server/domain/effects";
import { jobsClockFromArgs } from "@/server/services/jobs/job-clock";
import { acquireLease, holdLease, LeaseLost } from "@/server/services/jobs/job-lease";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, databaseUrlOf, seededDb, SEED_NOW, userId } from "./helpers";
import { whenLeaseTaken } from "./job-runs";
import { profile, openBillOf, instalmentsOf, eventsLike, creditFacts } from "./bills-fixture";

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
