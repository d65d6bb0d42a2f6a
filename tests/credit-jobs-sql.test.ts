// Issue 9: the credit jobs work set-based in SQL. These check that the SQL says what the pure rules say
// (late fee with its cap, clamped scores, suspension and reinstatement), and that the set-based path charges
// each effect once, misses no bill and uses each bill's own policy version, whatever the chunk size.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { addDays, localDate } from "@/server/domain/dates";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { lateFeeFor } from "@/server/domain/instalments";
import { applyScoreDelta } from "@/server/domain/credit";
import { clampScore, DEFAULT_POLICY, type PolicyParams } from "@/server/domain/policy";
import { clampScoreSql, lateFeeSql } from "@/server/services/bills/apply-overdue-effects";
import { reconcilePayLaterStatus, reconcilePayLaterStatuses } from "@/server/services/credit/ledger";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { freshDb, seededDb, userId } from "./helpers";

describe("the SQL forms of the pure rules", () => {
  const db = freshDb();
  db.run(sql`CREATE TEMP TABLE f (amount INTEGER, fee INTEGER, cap INTEGER, score INTEGER)`);
  const inSql = (amount: number, fee: number, cap: number, score: number) => {
    db.run(sql`DELETE FROM f`);
    db.run(sql`INSERT INTO f VALUES (${amount}, ${fee}, ${cap}, ${score})`);
    return db.get<{ fee: number; score: number }>(
      sql`SELECT ${lateFeeSql(sql`amount`, sql`fee`, sql`cap`)} AS fee, ${clampScoreSql(sql`score`)} AS score FROM f`,
    )!;
  };

  it("charge the late fee lateFeeFor charges, cap included, on fixed cases", () => {
    const cases: [number, number, number][] = [
      [0, 1_500, 2_500], [1, 1_500, 2_500], [5_999, 1_500, 2_500], [6_000, 1_500, 2_500], [6_003, 1_500, 2_500],
      [100_000_000, 1_500, 2_500], [33_333, 5_000, 1_000], [12_345, 0, 2_500], [12_345, 1_500, 0], [12_345, 99_999, 10_000],
    ];
    for (const [amount, fee, cap] of cases)
      expect(inSql(amount, fee, cap, 600).fee, `${amount} ${fee} ${cap}`).toBe(lateFeeFor(amount, { lateFeeFen: fee, lateFeeCapBps: cap }));
  });

  it("agree with lateFeeFor and clampScore on any amounts, fees, caps and scores", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -2_000, max: 3_000 }),
        (amount, fee, cap, score) => {
          const got = inSql(amount, fee, cap, score);
          expect(got.fee).toBe(lateFeeFor(amount, { lateFeeFen: fee, lateFeeCapBps: cap }));
          expect(got.score).toBe(clampScore(score));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A second policy with other fees, cap and penalties, for every other bill; one consumer close to the floor. */
function withTwoPolicies(db: Db): { v2: PolicyParams } {
  const v2: PolicyParams = { ...DEFAULT_POLICY, lateFeeFen: 5_000, lateFeeCapBps: 1_000, overduePenalty: 40, overdue30Penalty: 70 };
  const v1 = db.select().from(s.policyVersions).where(eq(s.policyVersions.version, 1)).get()!;
  db.insert(s.policyVersions).values({ version: 2, params: v2, note: "Other terms", authorUserId: v1.authorUserId, createdAt: v1.createdAt }).run();
  // Every other bill that has something still to be marked.
  const billIds = db.all<{ id: number }>(sql`SELECT DISTINCT bill_id AS id FROM instalments WHERE state = 'open' AND overdue_marked_at IS NULL ORDER BY bill_id`);
  db.update(s.bills).set({ policyVersion: 2 }).where(inArray(s.bills.id, billIds.filter((_, i) => i % 2 === 1).map((b) => b.id))).run();
  db.update(s.creditProfiles).set({ score: 380 }).where(eq(s.creditProfiles.userId, userId(db, "dave@example.com"))).run();
  return { v2 };
}

type Expected = { fees: Map<number, number>; newlyMarked: number[]; newFees: number[]; newVersions: Set<number>; versionMatters: number; events: { key: string; userId: number; delta: number; scoreAfter: number }[]; scores: Map<number, number> };

/** What the rules say, one instalment after another in id order, straight from the pure functions. */
function expectedEffects(db: Db, today: string): Expected {
  const policies = new Map(db.select().from(s.policyVersions).all().map((p) => [p.version, p.params as PolicyParams]));
  const rows = db
    .select({ inst: s.instalments, version: s.bills.policyVersion })
    .from(s.instalments)
    .innerJoin(s.bills, eq(s.bills.id, s.instalments.billId))
    .where(and(eq(s.instalments.state, "open"), sql`${s.instalments.overdueOn} <= ${today}`))
    .orderBy(asc(s.instalments.id))
    .all();
  const scores = new Map(db.select().from(s.creditProfiles).all().map((p) => [p.userId, p.score]));
  const fees = new Map<number, number>();
  const newFees: number[] = [];
  const newlyMarked: number[] = [];
  const newVersions = new Set<number>();
  let versionMatters = 0;
  const events: Expected["events"] = [];
  const applied = new Set(db.select({ key: s.creditEvents.effectKey }).from(s.creditEvents).all().map((e) => e.key));
  const longCutoff = addDays(today, -(LONG_OVERDUE_DAYS - 1));
  for (const { inst, version } of rows) {
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

function actualEffects(db: Db, instalmentIds: number[]) {
  const fees = new Map(
    db.select().from(s.instalments).where(inArray(s.instalments.id, instalmentIds)).all().map((i) => [i.id, i.overdueMarkedAt ? i.lateFeeFen : null]),
  );
  const events = db
    .select({ key: s.creditEvents.effectKey, userId: s.creditEvents.userId, delta: s.creditEvents.delta, scoreAfter: s.creditEvents.scoreAfter })
    .from(s.creditEvents)
    .where(like(s.creditEvents.effectKey, "overdue%"))
    .orderBy(asc(s.creditEvents.id))
    .all();
  const scores = new Map(db.select().from(s.creditProfiles).all().map((p) => [p.userId, p.score]));
  const overdueNotices = db.select().from(s.notifications).where(eq(s.notifications.kind, "overdue")).all();
  return { fees, events, scores, overdueNotices };
}

describe("the set-based credit jobs", () => {
  for (const batchSize of [1, 3, 2_000]) {
    it(`charge each overdue instalment its own bill's fee and penalties once, missing none (chunks of ${batchSize})`, async () => {
      const { db, clock } = await seededDb();
      const { v2 } = withTwoPolicies(db);
      clock.advanceDays(45);
      const today = localDate(clock.now());
      const expected = expectedEffects(db, today);
      expect(expected.fees.size).toBeGreaterThan(5);
      // The fixture exercises both versions, the v2 cap, the 30-day penalty and the score floor.
      const fees = expected.newFees;
      expect(expected.newVersions).toEqual(new Set([1, 2]));
      expect(expected.versionMatters).toBeGreaterThan(0); // the wrong version would charge another fee
      expect(fees.some((f) => f !== DEFAULT_POLICY.lateFeeFen && f !== v2.lateFeeFen)).toBe(true); // a cap
      expect(expected.events.some((e) => e.key.startsWith("overdue_30:"))).toBe(true);
      expect(expected.scores.get(userId(db, "dave@example.com"))).toBe(350);

      const first = await runCreditJobs(db, clock.now(), { batchSize });
      const again = await runCreditJobs(db, clock.now(), { batchSize });
      const actual = actualEffects(db, [...expected.fees.keys()]);

      expect(actual.fees).toEqual(expected.fees);
      expect(first).toMatchObject({
        markedOverdue: fees.length,
        lateFeesFen: fees.reduce((a, b) => a + b, 0),
        overduePenalties: expected.events.filter((e) => e.key.startsWith("overdue:")).length,
        longOverduePenalties: expected.events.filter((e) => e.key.startsWith("overdue_30:")).length,
      });
      expect(again).toMatchObject({ markedOverdue: 0, lateFeesFen: 0, overduePenalties: 0, longOverduePenalties: 0, suspended: 0, reinstated: 0, reminders: 0, snapshots: 0 });
      // Per consumer the same sequence of events, deltas and scores as one effect after another.
      const byUser = <T extends { userId: number }>(list: T[]) => [...list].sort((a, b) => a.userId - b.userId);
      const fresh = actual.events.slice(actual.events.length - expected.events.length);
      expect(byUser(fresh)).toEqual(byUser(expected.events));
      for (const [id, score] of expected.scores) expect(actual.scores.get(id), `score of ${id}`).toBe(score);
      expect(actual.overdueNotices.map((n) => n.dedupeKey).sort()).toEqual(expected.newlyMarked.map((id) => `overdue:${id}`).sort());
      expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM outbox`)!.n).toBe(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM notifications`)!.n);
      // (version 2 was inserted by hand here, without the admin action's audit row)
      expect(checkInvariants(db).filter((v) => !v.invariant.includes("audit row"))).toEqual([]);
    });
  }

  it("charge nothing twice when the same chunk is applied again inside one transaction", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(45);
    await runCreditJobs(db, clock.now());
    const before = db.get<{ fees: number; events: number; notices: number }>(
      sql`SELECT (SELECT SUM(late_fee_fen) FROM instalments) AS fees, (SELECT COUNT(*) FROM credit_events) AS events, (SELECT COUNT(*) FROM notifications) AS notices`,
    );
    const { applyOverdueEffects } = await import("@/server/services/bills/apply-overdue-effects");
    const ids = db.select({ id: s.instalments.id }).from(s.instalments).all().map((r) => r.id);
    const outcome = immediate(db, (tx) => applyOverdueEffects(tx, [...ids, ...ids], { today: localDate(clock.now()), at: clock.now() }));
    expect(outcome).toEqual({ marked: 0, feeFen: 0, penalties: 0, longPenalties: 0 });
    expect(db.get(sql`SELECT (SELECT SUM(late_fee_fen) FROM instalments) AS fees, (SELECT COUNT(*) FROM credit_events) AS events, (SELECT COUNT(*) FROM notifications) AS notices`)).toEqual(before);
  });
});

describe("the checkpoint deferred for a run", () => {
  it("is restored on the connection after overlapping runs, even when a stale lease let the second in", async () => {
    const { db, clock } = await seededDb();
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    clock.advanceDays(60);
    const first = runCreditJobs(db, clock.now(), { batchSize: 1 });
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    db.update(s.jobLeases).set({ expiresAt: new Date(0) }).run();
    const second = runCreditJobs(db, clock.now(), { batchSize: 1 });
    const reports = await Promise.all([first, second]);
    expect(reports.every((r) => !r.skipped)).toBe(true);
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });
});

describe("suspension and reinstatement in SQL", () => {
  /** Suspended-for-overdue consumers who paid (one above, one below the minimum score), an admin suspension, the overdue. */
  async function fixture() {
    const { db, clock } = await seededDb();
    clock.advanceDays(40);
    const today = localDate(clock.now());
    const ids = db.select({ id: s.creditProfiles.userId }).from(s.creditProfiles).orderBy(asc(s.creditProfiles.userId)).all().map((r) => r.id);
    const [a, b, c] = ids;
    for (const [id, score, reason] of [[a, 700, "overdue"], [b, 500, "overdue"], [c, 700, "admin"]] as const) {
      db.update(s.instalments).set({ state: "paid" }).where(eq(s.instalments.consumerId, id!)).run();
      db.update(s.creditProfiles).set({ payLaterStatus: "suspended", suspendedReason: reason, score }).where(eq(s.creditProfiles.userId, id!)).run();
    }
    return { db, clock, today, ids };
  }
  const statuses = (db: Db) =>
    db.select({ id: s.creditProfiles.userId, status: s.creditProfiles.payLaterStatus, reason: s.creditProfiles.suspendedReason }).from(s.creditProfiles).orderBy(asc(s.creditProfiles.userId)).all();

  for (const suspendWhileOverdue of [true, false]) {
    it(`decide as reconcilePayLaterStatus decides, consumer by consumer (suspendWhileOverdue ${suspendWhileOverdue})`, async () => {
      const policy = { ...DEFAULT_POLICY, suspendWhileOverdue };
      const one = await fixture();
      const two = await fixture();
      const changes = immediate(one.db, (tx) => one.ids.map((id) => [id, reconcilePayLaterStatus(tx, id, one.today, policy, one.clock.now())] as const));
      const batch = immediate(two.db, (tx) => reconcilePayLaterStatuses(tx, two.ids, two.today, policy, two.clock.now()));
      expect(batch.suspended).toEqual(changes.filter(([, c]) => c === "suspended").map(([id]) => id));
      expect(batch.reinstated).toEqual(changes.filter(([, c]) => c === "reinstated").map(([id]) => id));
      expect(statuses(two.db)).toEqual(statuses(one.db));
      expect(batch.reinstated).toHaveLength(1);
      expect(batch.suspended.length > 0).toBe(suspendWhileOverdue);
    });
  }
});
