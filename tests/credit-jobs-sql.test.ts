// Issue 9: the credit jobs work set-based in SQL. These check that the SQL says what the pure rules say
// (late fee with its cap, clamped scores, suspension and reinstatement), and that the set-based path charges
// each effect once, misses no bill and uses each bill's own policy version, whatever the chunk size.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import { connectionOf, type Db } from "@/db/client";
import { isPg } from "@/db/engine";
import { first, row, rows } from "@/db/query";
import * as s from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { addDays, localDate } from "@/server/calendar";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { lateFeeFor } from "@/server/domain/instalments";
import { applyScoreDelta } from "@/server/domain/credit";
import { clampScore, DEFAULT_POLICY, type PolicyParams } from "@/server/domain/policy";
import { reconcilePayLaterStatus, reconcilePayLaterStatuses } from "@/server/services/credit/ledger";
import { clampScoreSql, lateFeeSql } from "@/server/sql/rules";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { freshDb, seededDb, userId } from "./helpers";
import { whenLeaseTaken } from "./job-runs";

describe("the SQL forms of the pure rules", () => {
  let opened: Promise<Db> | undefined;
  // The operands typed as the credit jobs type them: amount_fen, the fee and scores are integers, the cap a
  // bigint (so that amount × cap cannot overflow on PostgreSQL).
  const inSql = async (amount: number, fee: number, cap: number, score: number) => {
    const db = await (opened ??= freshDb());
    return (await row<{ fee: number; score: number }>(
      db,
      sql`WITH f (amount, fee, cap, score) AS (SELECT CAST(${amount} AS INTEGER), CAST(${fee} AS INTEGER), CAST(${cap} AS BIGINT), CAST(${score} AS INTEGER))
        SELECT ${lateFeeSql(sql`amount`, sql`fee`, sql`cap`)} AS fee, ${clampScoreSql(sql`score`)} AS score FROM f`,
    ))!;
  };

  it("charge the late fee lateFeeFor charges, cap included, on fixed cases", async () => {
    const cases: [number, number, number][] = [
      [0, 1_500, 2_500],
      [1, 1_500, 2_500],
      [5_999, 1_500, 2_500],
      [6_000, 1_500, 2_500],
      [6_003, 1_500, 2_500],
      [100_000_000, 1_500, 2_500],
      [33_333, 5_000, 1_000],
      [12_345, 0, 2_500],
      [12_345, 1_500, 0],
      [12_345, 99_999, 10_000],
    ];
    for (const [amount, fee, cap] of cases)
      expect((await inSql(amount, fee, cap, 600)).fee, `${amount} ${fee} ${cap}`).toBe(lateFeeFor(amount, { lateFeeFen: fee, lateFeeCapBps: cap }));
  });

  it("agree with lateFeeFor and clampScore on any amounts, fees, caps and scores", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -2_000, max: 3_000 }),
        async (amount, fee, cap, score) => {
          const got = await inSql(amount, fee, cap, score);
          expect(got.fee).toBe(lateFeeFor(amount, { lateFeeFen: fee, lateFeeCapBps: cap }));
          expect(got.score).toBe(clampScore(score));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A second policy with other fees, cap and penalties, for every other bill; one consumer close to the floor. */
async function withTwoPolicies(db: Db): Promise<{ v2: PolicyParams }> {
  const v2: PolicyParams = { ...DEFAULT_POLICY, lateFeeFen: 5_000, lateFeeCapBps: 1_000, overduePenalty: 40, overdue30Penalty: 70 };
  const dave = await userId(db, "dave@example.com");
  await withTransaction(db, async (tx) => {
    const v1 = (await first(tx.select().from(s.policyVersions).where(eq(s.policyVersions.version, 1))))!;
    await tx.insert(s.policyVersions).values({ version: 2, params: v2, note: "Other terms", authorUserId: v1.authorUserId, createdAt: v1.createdAt });
    // Every other bill that has something still to be marked.
    const billIds = await rows<{ id: number }>(
      tx,
      sql`SELECT bill_id AS id FROM instalments WHERE state = 'open' AND overdue_marked_at IS NULL GROUP BY bill_id ORDER BY bill_id`,
    );
    await tx
      .update(s.bills)
      .set({ policyVersion: 2 })
      .where(
        inArray(
          s.bills.id,
          billIds.filter((_, i) => i % 2 === 1).map((b) => b.id),
        ),
      );
    await tx.update(s.creditProfiles).set({ score: 380 }).where(eq(s.creditProfiles.userId, dave));
  });
  return { v2 };
}

type Expected = {
  fees: Map<number, number>;
  newlyMarked: number[];
  newFees: number[];
  newVersions: Set<number>;
  versionMatters: number;
  events: { key: string; userId: number; delta: number; scoreAfter: number }[];
  scores: Map<number, number>;
};

/** What the rules say, one instalment after another in id order, straight from the pure functions. */
async function expectedEffects(db: Db, today: string): Promise<Expected> {
  const policies = new Map((await db.select().from(s.policyVersions)).map((p) => [p.version, p.params as PolicyParams]));
  const overdue = await db
    .select({ inst: s.instalments, version: s.bills.policyVersion })
    .from(s.instalments)
    .innerJoin(s.bills, eq(s.bills.id, s.instalments.billId))
    .where(and(eq(s.instalments.state, "open"), sql`${s.instalments.overdueOn} <= ${today}`))
    .orderBy(asc(s.instalments.id));
  const scores = new Map((await db.select().from(s.creditProfiles)).map((p) => [p.userId, p.score]));
  const fees = new Map<number, number>();
  const newFees: number[] = [];
  const newlyMarked: number[] = [];
  const newVersions = new Set<number>();
  let versionMatters = 0;
  const events: Expected["events"] = [];
  const applied = new Set((await db.select({ key: s.creditEvents.effectKey }).from(s.creditEvents)).map((e) => e.key));
  const longCutoff = addDays(today, -(LONG_OVERDUE_DAYS - 1));
  for (const { inst, version } of overdue) {
    const policy = policies.get(version)!;
    // Already marked (the seed marks dave's): the fee stays as it was charged.
    const fee = inst.overdueMarkedAt ? inst.lateFeeFen : lateFeeFor(inst.amountFen, policy);
    fees.set(inst.id, fee);
    if (!inst.overdueMarkedAt) {
      newFees.push(fee);
      newlyMarked.push(inst.id);
      newVersions.add(version);
      if ([...policies.values()].some((other) => lateFeeFor(inst.amountFen, other) !== fee)) versionMatters += 1;
    }
    const penalties: [string, number][] = [[`overdue:${inst.id}`, policy.overduePenalty]];
    if (inst.overdueOn <= longCutoff) penalties.push([`overdue_30:${inst.id}`, policy.overdue30Penalty]);
    for (const [key, penalty] of penalties.filter(([k]) => !applied.has(k))) {
      const next = applyScoreDelta(scores.get(inst.consumerId)!, -penalty);
      scores.set(inst.consumerId, next.score);
      events.push({ key, userId: inst.consumerId, delta: next.applied, scoreAfter: next.score });
    }
  }
  return { fees, newlyMarked, newFees, newVersions, versionMatters, events, scores };
}

async function actualEffects(db: Db, instalmentIds: number[]) {
  const fees = new Map(
    (await db.select().from(s.instalments).where(inArray(s.instalments.id, instalmentIds)).orderBy(asc(s.instalments.id))).map((i) => [
      i.id,
      i.overdueMarkedAt ? i.lateFeeFen : null,
    ]),
  );
  const events = await db
    .select({ key: s.creditEvents.effectKey, userId: s.creditEvents.userId, delta: s.creditEvents.delta, scoreAfter: s.creditEvents.scoreAfter })
    .from(s.creditEvents)
    .where(like(s.creditEvents.effectKey, "overdue%"))
    .orderBy(asc(s.creditEvents.id));
  const scores = new Map((await db.select().from(s.creditProfiles)).map((p) => [p.userId, p.score]));
  const overdueNotices = await db.select().from(s.notifications).where(eq(s.notifications.kind, "overdue"));
  return { fees, events, scores, overdueNotices };
}

describe("the set-based credit jobs", () => {
  for (const batchSize of [1, 3, 2_000]) {
    it(`charge each overdue instalment its own bill's fee and penalties once, missing none (chunks of ${batchSize})`, async () => {
      const { db, clock } = await seededDb();
      const { v2 } = await withTwoPolicies(db);
      clock.advanceDays(45);
      const today = localDate(clock.now());
      const expected = await expectedEffects(db, today);
      expect(expected.fees.size).toBeGreaterThan(5);
      // The fixture exercises both versions, the v2 cap, the 30-day penalty and the score floor.
      const fees = expected.newFees;
      expect(expected.newVersions).toEqual(new Set([1, 2]));
      expect(expected.versionMatters).toBeGreaterThan(0); // the wrong version would charge another fee
      expect(fees.some((f) => f !== DEFAULT_POLICY.lateFeeFen && f !== v2.lateFeeFen)).toBe(true); // a cap
      expect(expected.events.some((e) => e.key.startsWith("overdue_30:"))).toBe(true);
      expect(expected.scores.get(await userId(db, "dave@example.com"))).toBe(350);

      // The seed already holds the notices of what went overdue before it (as the jobs would have sent them).
      const noticedBefore = new Set((await db.select().from(s.notifications)).map((n) => n.dedupeKey));
      const first = await runCreditJobs(db, clock.now(), { batchSize });
      const again = await runCreditJobs(db, clock.now(), { batchSize });
      const actual = await actualEffects(db, [...expected.fees.keys()]);

      expect(actual.fees).toEqual(expected.fees);
      expect(first).toMatchObject({
        markedOverdue: fees.length,
        lateFeesFen: fees.reduce((a, b) => a + b, 0),
        overduePenalties: expected.events.filter((e) => e.key.startsWith("overdue:")).length,
        longOverduePenalties: expected.events.filter((e) => e.key.startsWith("overdue_30:")).length,
      });
      expect(again).toMatchObject({
        markedOverdue: 0,
        lateFeesFen: 0,
        overduePenalties: 0,
        longOverduePenalties: 0,
        suspended: 0,
        reinstated: 0,
        reminders: 0,
        snapshots: 0,
      });
      // Per consumer the same sequence of events, deltas and scores as one effect after another.
      const byUser = <T extends { userId: number }>(list: T[]) => [...list].sort((a, b) => a.userId - b.userId);
      const fresh = actual.events.slice(actual.events.length - expected.events.length);
      expect(byUser(fresh)).toEqual(byUser(expected.events));
      for (const [id, score] of expected.scores) expect(actual.scores.get(id), `score of ${id}`).toBe(score);
      expect(
        actual.overdueNotices
          .map((n) => n.dedupeKey)
          .filter((key) => !noticedBefore.has(key))
          .sort(),
      ).toEqual(expected.newlyMarked.map((id) => `overdue:${id}`).sort());
      expect((await row<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM outbox`))!.n).toBe(
        (await row<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM notifications`))!.n,
      );
      // (version 2 was inserted by hand here, without the admin action's audit row)
      expect((await checkInvariants(db)).filter((v) => !v.invariant.includes("audit row"))).toEqual([]);
    });
  }

  it("charge nothing twice when the same chunk is applied again inside one transaction", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(45);
    await runCreditJobs(db, clock.now());
    const totals = sql`SELECT (SELECT SUM(late_fee_fen) FROM instalments) AS fees, (SELECT COUNT(*) FROM credit_events) AS events, (SELECT COUNT(*) FROM notifications) AS notices`;
    const before = await row<{ fees: number; events: number; notices: number }>(db, totals);
    const { applyOverdueEffects } = await import("@/server/services/bills/apply-overdue-effects");
    const ids = (await db.select({ id: s.instalments.id }).from(s.instalments)).map((r) => r.id);
    const outcome = await withTransaction(db, (tx) => applyOverdueEffects(tx, [...ids, ...ids], { today: localDate(clock.now()), at: clock.now() }));
    expect(outcome).toEqual({ marked: 0, feeFen: 0, penalties: 0, longPenalties: 0 });
    expect(await row(db, totals)).toEqual(before);
  });
});

describe("the checkpoint deferred for a run", () => {
  it("is restored on the connection after overlapping runs, even when a stale lease let the second in", async () => {
    const { db, clock } = await seededDb();
    // The WAL checkpoint is SQLite's (its writer connection's); on PostgreSQL the overlapping runs are checked alone.
    const connection = connectionOf(db);
    const autoCheckpoint = () => (connection.kind === "sqlite" ? connection.writer.pragma("wal_autocheckpoint", { simple: true }) : null);
    if (!isPg()) expect(autoCheckpoint()).toBe(1000);
    clock.advanceDays(60);
    const firstRun = runCreditJobs(db, clock.now(), { batchSize: 1 });
    await whenLeaseTaken(db, firstRun);
    if (!isPg()) expect(autoCheckpoint()).toBe(0);
    await withTransaction(db, async (tx) => {
      await tx.update(s.jobLeases).set({ expiresAt: new Date(0) });
    });
    const secondRun = runCreditJobs(db, clock.now(), { batchSize: 1 });
    const reports = await Promise.all([firstRun, secondRun]);
    expect(reports.every((r) => !r.skipped)).toBe(true);
    expect(reports[1]!.fenced).toBe(false);
    if (!isPg()) expect(autoCheckpoint()).toBe(1000);
  });
});

describe("suspension and reinstatement in SQL", () => {
  /** Suspended-for-overdue consumers who paid (one above, one below the minimum score), an admin suspension, the overdue. */
  async function fixture() {
    const { db, clock } = await seededDb();
    clock.advanceDays(40);
    const today = localDate(clock.now());
    const ids = (await db.select({ id: s.creditProfiles.userId }).from(s.creditProfiles).orderBy(asc(s.creditProfiles.userId))).map((r) => r.id);
    const [a, b, c] = ids;
    await withTransaction(db, async (tx) => {
      for (const [id, score, reason] of [
        [a, 700, "overdue"],
        [b, 500, "overdue"],
        [c, 700, "admin"],
      ] as const) {
        await tx.update(s.instalments).set({ state: "paid" }).where(eq(s.instalments.consumerId, id!));
        await tx
          .update(s.creditProfiles)
          .set({ payLaterStatus: "suspended", suspendedReason: reason, score })
          .where(eq(s.creditProfiles.userId, id!));
      }
    });
    return { db, clock, today, ids };
  }
  const statuses = (db: Db) =>
    db
      .select({ id: s.creditProfiles.userId, status: s.creditProfiles.payLaterStatus, reason: s.creditProfiles.suspendedReason })
      .from(s.creditProfiles)
      .orderBy(asc(s.creditProfiles.userId));
  const ascending = (ids: readonly number[]) => [...ids].sort((x, y) => x - y);

  for (const suspendWhileOverdue of [true, false]) {
    it(`decide as reconcilePayLaterStatus decides, consumer by consumer (suspendWhileOverdue ${suspendWhileOverdue})`, async () => {
      const policy = { ...DEFAULT_POLICY, suspendWhileOverdue };
      const one = await fixture();
      const two = await fixture();
      // One consumer after another, in id order (the results are returned from the body, which PostgreSQL may retry).
      const changes = await withTransaction(one.db, async (tx) => {
        const decided: (readonly [number, Awaited<ReturnType<typeof reconcilePayLaterStatus>>])[] = [];
        for (const id of one.ids) decided.push([id, await reconcilePayLaterStatus(tx, id, one.today, policy, one.clock.now())] as const);
        return decided;
      });
      const batch = await withTransaction(two.db, (tx) => reconcilePayLaterStatuses(tx, two.ids, two.today, policy, two.clock.now()));
      expect(ascending(batch.suspended)).toEqual(changes.filter(([, c]) => c === "suspended").map(([id]) => id));
      expect(ascending(batch.reinstated)).toEqual(changes.filter(([, c]) => c === "reinstated").map(([id]) => id));
      expect(await statuses(two.db)).toEqual(await statuses(one.db));
      expect(batch.reinstated).toHaveLength(1);
      expect(batch.suspended.length > 0).toBe(suspendWhileOverdue);
    });
  }
});
