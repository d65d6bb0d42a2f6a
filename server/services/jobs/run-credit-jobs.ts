// The credit jobs: apply the side effects of time passing, each exactly once. Screens never wait for
// them (statuses derive from the clock); these only charge fees, move scores, change statuses,
// remind and snapshot. Safe to run twice, or twice at once, from any number of servers: a lease lets one run
// proceed (renewed and fenced inside every chunk's transaction, see job-lease.ts), and every write re-checks
// inside its transaction, so each effect lands once per instalment and day.
//
// Set-based: each step reads the ids that need something (one indexed query), then writes them a chunk
// at a time, a few statements per chunk, each chunk its own short transaction. A chunk's writer returns
// its counts, added to the report once it committed (PostgreSQL may run a transaction body again), so a run
// that is fenced part-way reports exactly what it did.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bool, calendarDate, indexedBy, inIds } from "@/db/dialect";
import { first, rows } from "@/db/query";
import { receivablesSnapshots } from "@/db/schema";
import { addDays, localDate } from "@/server/calendar";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { reconcilePayLaterStatuses } from "@/server/services/credit/ledger";
import { notifyMany, payLaterChangeNotice, type NewNotification } from "@/server/services/notifications/notify";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { applyOverdueEffects } from "@/server/services/bills/apply-overdue-effects";
import { openOverdueSql, owedSql } from "@/server/sql/rules";
import { withWriterReads } from "@/db/transaction";
import { purgeStaleThrottles } from "@/server/auth/throttle";
import { purgeExpiredIdempotencyKeys } from "@/server/services/developers/api-idempotency";
import { expireAuthorizations, expiredAuthorizationIds } from "@/server/services/merchant-api/expire-authorizations";
import { chargeAutopay } from "@/server/services/autopay/charge-autopay";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { acquireLease, holdLease, LeaseLost, releaseLease } from "./job-lease";
import { withOneCheckpoint, writeInChunks, type LockTimer } from "./write-in-chunks";

export const CREDIT_JOBS_LEASE = "credit-jobs";
/** Ids per write transaction: a few milliseconds of lock each on the large data set. */
export const JOB_BATCH_SIZE = 2_000;

export type CreditJobsReport = {
  ranAt: Date;
  today: string;
  skipped: boolean;
  /** The run stopped part-way because another run took its expired lease over (that run does the rest). */
  fenced: boolean;
  markedOverdue: number;
  lateFeesFen: number;
  overduePenalties: number;
  longOverduePenalties: number;
  suspended: number;
  reinstated: number;
  reminders: number;
  snapshots: number;
  /** Merchant API authorizations not captured within the policy's window, expired and their credit released. */
  expiredAuthorizations: number;
  /** Autopay: instalments charged (and how much), attempts declined, claims that found nothing left to charge. */
  autopay: { charged: number; chargedFen: number; declined: number; cancelled: number };
  /** Sign-in and sign-up counters deleted because they no longer change any answer. */
  throttlesPurged: number;
  /** Merchant API Idempotency-Keys deleted past their retention (API_IDEMPOTENCY_RETENTION_MS). */
  idempotencyKeysPurged: number;
  /** The longest any one of this run's write transactions held the lock, in milliseconds. */
  longestWriteMs: number;
  /** Wall time of each step, in milliseconds. */
  stepsMs: { overdue: number; autopay: number; authorizations: number; statuses: number; reminders: number; snapshots: number; housekeeping: number };
};

type Step = {
  db: Db;
  at: Date;
  today: string;
  batch: number;
  report: CreditJobsReport;
  timer: LockTimer;
  /** Renews the lease in a chunk's transaction, or throws LeaseLost. */
  hold: (tx: Db) => Promise<void>;
  provider: PaymentProvider;
};

/**
 * `at` is the credit day's clock (`npm run jobs -- --at` moves it); `opts.now` the wall clock that housekeeping purges
 * by, which must not move with it (a run for a future day would otherwise delete what is still fresh). Defaults to `at`.
 */
export async function runCreditJobs(
  db: Db,
  at: Date,
  opts: { batchSize?: number; now?: Date; provider?: PaymentProvider } = {},
): Promise<CreditJobsReport> {
  const today = localDate(at);
  const report: CreditJobsReport = {
    ranAt: at,
    today,
    skipped: false,
    fenced: false,
    markedOverdue: 0,
    lateFeesFen: 0,
    overduePenalties: 0,
    longOverduePenalties: 0,
    suspended: 0,
    reinstated: 0,
    reminders: 0,
    snapshots: 0,
    expiredAuthorizations: 0,
    autopay: { charged: 0, chargedFen: 0, declined: 0, cancelled: 0 },
    throttlesPurged: 0,
    idempotencyKeysPurged: 0,
    longestWriteMs: 0,
    stepsMs: { overdue: 0, autopay: 0, authorizations: 0, statuses: 0, reminders: 0, snapshots: 0, housekeeping: 0 },
  };
  const holder = await acquireLease(db, CREDIT_JOBS_LEASE);
  if (!holder) return { ...report, skipped: true };
  const hold = (tx: Db) => holdLease(tx, CREDIT_JOBS_LEASE, holder);
  const provider = opts.provider ?? simulatedProvider;
  const step: Step = { db, at, today, batch: opts.batchSize ?? JOB_BATCH_SIZE, report, timer: { longestMs: 0 }, hold, provider };
  try {
    const timed = async (name: keyof CreditJobsReport["stepsMs"], run: () => unknown) => {
      const start = performance.now();
      await run();
      report.stepsMs[name] = Math.round(performance.now() - start);
    };
    await withOneCheckpoint(db, async () => {
      await timed("overdue", () => applyOverdue(step));
      // After the overdue step, so a retry's amount includes the late fee charged today.
      await timed("autopay", async () => (report.autopay = await chargeAutopay({ db, at, today, provider, hold })));
      await timed("authorizations", () => expireOverdueAuthorizations(step));
      await timed("statuses", () => reconcileStatuses(step));
      await timed("reminders", () => remindDue(step));
      await timed("snapshots", () => snapshotReceivables(step));
      await timed("housekeeping", async () => {
        const now = opts.now ?? at;
        report.throttlesPurged = await purgeStaleThrottles(db, now);
        report.idempotencyKeysPurged = await purgeExpiredIdempotencyKeys(db, now, { batchSize: step.batch, hold });
      });
    });
  } catch (error) {
    if (!(error instanceof LeaseLost)) throw error;
    report.fenced = true;
  } finally {
    if (!report.fenced) await releaseLease(db, CREDIT_JOBS_LEASE, holder, at);
    report.longestWriteMs = step.timer.longestMs;
  }
  return report;
}

const idsOf = (found: { id: number }[]) => found.map((r) => r.id);

/** Newly overdue instalments, and those that have just reached LONG_OVERDUE_DAYS without the second penalty. */
async function applyOverdue({ db, at, today, batch, report, timer, hold }: Step) {
  const longCutoff = addDays(today, -(LONG_OVERDUE_DAYS - 1));
  // Not yet marked: the partial index instalments_open_unmarked_idx holds exactly these (empty on a rerun);
  // named for SQLite, as without statistics its planner prefers (state, overdue_on) and visits every overdue row.
  const ids = idsOf(
    await withWriterReads(db, (reader) =>
      rows<{ id: number }>(
        reader,
        sql`
      SELECT id FROM ${indexedBy("instalments", "instalments_open_unmarked_idx")}
      WHERE ${openOverdueSql(null, today)} AND overdue_marked_at IS NULL
      UNION
      SELECT id FROM instalments WHERE ${openOverdueSql(null, longCutoff)}
        AND NOT EXISTS (SELECT 1 FROM credit_events WHERE effect_key = 'overdue_30:' || instalments.id)
      ORDER BY id`,
      ),
    ),
  );
  await writeInChunks(db, ids, batch, timer, (tx, chunk) => applyOverdueEffects(tx, chunk, { today, at }), {
    hold,
    committed: (outcome) => {
      report.markedOverdue += outcome.marked;
      report.lateFeesFen += outcome.feeFen;
      report.overduePenalties += outcome.penalties;
      report.longOverduePenalties += outcome.longPenalties;
    },
  });
}

/** Authorizations past their capture deadline: expired, credit released, each once. */
async function expireOverdueAuthorizations({ db, at, batch, report, timer, hold }: Step) {
  const ids = await withWriterReads(db, (reader) => expiredAuthorizationIds(reader, at));
  await writeInChunks(db, ids, batch, timer, (tx, chunk) => expireAuthorizations(tx, chunk, at), {
    hold,
    committed: (n) => (report.expiredAuthorizations += n),
  });
}

/** Suspends the enabled with something overdue; reinstates the overdue-suspended who have paid it off. */
async function reconcileStatuses({ db, at, today, batch, report, timer, hold }: Step) {
  const overdue = sql`EXISTS (SELECT 1 FROM instalments i WHERE i.consumer_id = credit_profiles.user_id AND ${openOverdueSql("i", today)})`;
  const ids = idsOf(
    await withWriterReads(db, (reader) =>
      rows<{ id: number }>(
        reader,
        sql`
      SELECT user_id AS id FROM credit_profiles
      WHERE (pay_later_status = 'enabled' AND ${overdue}) OR (pay_later_status = 'suspended' AND suspended_reason = 'overdue' AND NOT ${overdue})
      ORDER BY user_id`,
      ),
    ),
  );
  await writeInChunks(
    db,
    ids,
    batch,
    timer,
    async (tx, chunk) => {
      const changed = await reconcilePayLaterStatuses(tx, chunk, today, (await currentPolicy(tx)).params, at);
      await notifyMany(tx, [
        ...changed.suspended.map((id) => payLaterChangeNotice(id, "suspended", at)),
        ...changed.reinstated.map((id) => payLaterChangeNotice(id, "reinstated", at)),
      ]);
      return changed;
    },
    {
      hold,
      committed: (changed) => {
        report.suspended += changed.suspended.length;
        report.reinstated += changed.reinstated.length;
      },
    },
  );
}

/** "Due in 3 days" and "due today" reminders, once per instalment each. */
async function remindDue({ db, at, today, batch, report, timer, hold }: Step) {
  const due = sql`state = 'open' AND due_date BETWEEN ${calendarDate(today)} AND ${calendarDate(addDays(today, 3))}`;
  const dedupeKey = sql`(CASE WHEN due_date = ${calendarDate(today)} THEN 'due_today:' ELSE 'due_in_3:' END || instalments.id)`;
  const ids = idsOf(
    await withWriterReads(db, (reader) =>
      rows<{ id: number }>(
        reader,
        sql`
      SELECT id FROM instalments WHERE ${due} AND NOT EXISTS (SELECT 1 FROM notifications WHERE dedupe_key = ${dedupeKey})
      ORDER BY id`,
      ),
    ),
  );
  await writeInChunks(
    db,
    ids,
    batch,
    timer,
    async (tx, chunk) => {
      // A consumer with autopay on is told the charge is coming instead of a plain "due in 3 days".
      const found = await rows<{ id: number; consumerId: number; dueDate: string; owedFen: number; autopayLast4: string | null }>(
        tx,
        sql`
      SELECT id, consumer_id AS "consumerId", due_date AS "dueDate", ${owedSql()} AS "owedFen", c.card_last4 AS "autopayLast4"
      FROM instalments LEFT JOIN autopay_cards c ON c.user_id = instalments.consumer_id AND c.enabled = ${bool(true)}
      WHERE ${inIds(sql`id`, chunk)} AND ${due}
      ORDER BY id`,
      );
      return notifyMany(
        tx,
        found.map((inst): NewNotification => {
          const where = { userId: inst.consumerId, link: "/account/bills", at };
          if (inst.dueDate === today) return { ...where, kind: "due_today", params: { amountFen: inst.owedFen }, dedupeKey: `due_today:${inst.id}` };
          return inst.autopayLast4
            ? {
                ...where,
                link: "/account/autopay",
                kind: "autopay_upcoming",
                params: { amountFen: inst.owedFen, dueDate: inst.dueDate, cardLast4: inst.autopayLast4 },
                dedupeKey: `due_in_3:${inst.id}`,
              }
            : { ...where, kind: "due_in_3", params: { amountFen: inst.owedFen, dueDate: inst.dueDate }, dedupeKey: `due_in_3:${inst.id}` };
        }),
      );
    },
    { hold, committed: (n) => (report.reminders += n) },
  );
}

/** One receivables snapshot per store per day (the primary key keeps it to one), each store in its own transaction. */
async function snapshotReceivables({ db, at, today, report, timer, hold }: Step) {
  const ids = idsOf(
    await withWriterReads(db, (reader) =>
      rows<{ id: number }>(
        reader,
        sql`
      SELECT id FROM stores WHERE NOT EXISTS (SELECT 1 FROM receivables_snapshots s WHERE s.store_id = stores.id AND s.date = ${calendarDate(today)})
      ORDER BY id`,
      ),
    ),
  );
  await writeInChunks(
    db,
    ids,
    1,
    timer,
    async (tx, [storeId]) => {
      const summary = await receivablesSummary(tx, { storeId: storeId!, now: at });
      const row = await first(
        tx
          .insert(receivablesSnapshots)
          .values({ storeId: storeId!, date: today, outstandingFen: summary.outstandingFen, overdueFen: summary.overdueFen, createdAt: at })
          .onConflictDoNothing()
          .returning({ storeId: receivablesSnapshots.storeId }),
      );
      return row ? 1 : 0;
    },
    { hold, committed: (n) => (report.snapshots += n) },
  );
}
