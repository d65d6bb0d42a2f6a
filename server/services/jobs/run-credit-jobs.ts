// The credit jobs: apply the side effects of time passing, each exactly once. Screens never wait for
// them (statuses derive from the clock); these only charge fees, move scores, change statuses,
// remind and snapshot. Safe to run twice, or twice at once: a lease lets one run proceed, and every
// write re-checks inside its immediate transaction.
//
// Set-based: each step reads the ids that need something (one indexed query), then writes them a chunk
// at a time, a few statements per chunk, each chunk its own short immediate transaction.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { receivablesSnapshots } from "@/db/schema";
import { addDays, localDate } from "@/server/domain/dates";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { formatFen } from "@/server/domain/money";
import { reconcilePayLaterStatuses } from "@/server/services/credit/ledger";
import { notifyMany, payLaterChangeNotice, type NewNotification } from "@/server/services/notifications/notify";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { applyOverdueEffects } from "@/server/services/bills/apply-overdue-effects";
import { acquireLease, releaseLease } from "./job-lease";
import { withOneCheckpoint, writeInChunks, type LockTimer } from "./write-in-chunks";

export const CREDIT_JOBS_LEASE = "credit-jobs";
/** Ids per write transaction: a few milliseconds of lock each on the large data set. */
export const JOB_BATCH_SIZE = 2_000;

export type CreditJobsReport = {
  ranAt: Date;
  today: string;
  skipped: boolean;
  markedOverdue: number;
  lateFeesFen: number;
  overduePenalties: number;
  longOverduePenalties: number;
  suspended: number;
  reinstated: number;
  reminders: number;
  snapshots: number;
  /** The longest any one of this run's write transactions held the lock, in milliseconds. */
  longestWriteMs: number;
  /** Wall time of each step, in milliseconds. */
  stepsMs: { overdue: number; statuses: number; reminders: number; snapshots: number };
};

type Step = { db: Db; at: Date; today: string; batch: number; report: CreditJobsReport; timer: LockTimer };

export async function runCreditJobs(db: Db, at: Date, opts: { batchSize?: number } = {}): Promise<CreditJobsReport> {
  const today = localDate(at);
  const report: CreditJobsReport = {
    ranAt: at, today, skipped: false, markedOverdue: 0, lateFeesFen: 0, overduePenalties: 0,
    longOverduePenalties: 0, suspended: 0, reinstated: 0, reminders: 0, snapshots: 0, longestWriteMs: 0,
    stepsMs: { overdue: 0, statuses: 0, reminders: 0, snapshots: 0 },
  };
  const holder = acquireLease(db, CREDIT_JOBS_LEASE);
  if (!holder) return { ...report, skipped: true };
  const step: Step = { db, at, today, batch: opts.batchSize ?? JOB_BATCH_SIZE, report, timer: { longestMs: 0 } };
  try {
    const timed = async (name: keyof CreditJobsReport["stepsMs"], run: () => unknown) => {
      const start = performance.now();
      await run();
      report.stepsMs[name] = Math.round(performance.now() - start);
    };
    await withOneCheckpoint(db, async () => {
      await timed("overdue", () => applyOverdue(step));
      await timed("statuses", () => reconcileStatuses(step));
      await timed("reminders", () => remindDue(step));
      await timed("snapshots", () => snapshotReceivables(step));
    });
  } finally {
    releaseLease(db, CREDIT_JOBS_LEASE, holder, at);
    report.longestWriteMs = step.timer.longestMs;
  }
  return report;
}

const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id);

/** Newly overdue instalments, and those that have just reached LONG_OVERDUE_DAYS without the second penalty. */
async function applyOverdue({ db, at, today, batch, report, timer }: Step) {
  const longCutoff = addDays(today, -(LONG_OVERDUE_DAYS - 1));
  // Not yet marked: the partial index instalments_open_unmarked_idx holds exactly these (empty on a rerun);
  // named, as without statistics the planner prefers (state, overdue_on) and visits every overdue row.
  const ids = idsOf(
    db.all<{ id: number }>(sql`
      SELECT id FROM instalments INDEXED BY instalments_open_unmarked_idx
      WHERE state = 'open' AND overdue_marked_at IS NULL AND overdue_on <= ${today}
      UNION
      SELECT id FROM instalments WHERE state = 'open' AND overdue_on <= ${longCutoff}
        AND NOT EXISTS (SELECT 1 FROM credit_events WHERE effect_key = 'overdue_30:' || instalments.id)
      ORDER BY id`),
  );
  await writeInChunks(db, ids, batch, timer, (tx, chunk) => {
    const outcome = applyOverdueEffects(tx, chunk, { today, at });
    report.markedOverdue += outcome.marked;
    report.lateFeesFen += outcome.feeFen;
    report.overduePenalties += outcome.penalties;
    report.longOverduePenalties += outcome.longPenalties;
  });
}

/** Suspends the enabled with something overdue; reinstates the overdue-suspended who have paid it off. */
async function reconcileStatuses({ db, at, today, batch, report, timer }: Step) {
  const overdue = sql`EXISTS (SELECT 1 FROM instalments i WHERE i.consumer_id = credit_profiles.user_id AND i.state = 'open' AND i.overdue_on <= ${today})`;
  const ids = idsOf(
    db.all<{ id: number }>(sql`
      SELECT user_id AS id FROM credit_profiles
      WHERE (pay_later_status = 'enabled' AND ${overdue}) OR (pay_later_status = 'suspended' AND suspended_reason = 'overdue' AND NOT ${overdue})
      ORDER BY user_id`),
  );
  await writeInChunks(db, ids, batch, timer, (tx, chunk) => {
    const changed = reconcilePayLaterStatuses(tx, chunk, today, currentPolicy(tx).params, at);
    report.suspended += changed.suspended.length;
    report.reinstated += changed.reinstated.length;
    notifyMany(tx, [
      ...changed.suspended.map((id) => payLaterChangeNotice(id, "suspended", at)),
      ...changed.reinstated.map((id) => payLaterChangeNotice(id, "reinstated", at)),
    ]);
  });
}

/** "Due in 3 days" and "due today" reminders, once per instalment each. */
async function remindDue({ db, at, today, batch, report, timer }: Step) {
  const due = sql`state = 'open' AND due_date BETWEEN ${today} AND ${addDays(today, 3)}`;
  const dedupeKey = sql`(CASE WHEN due_date = ${today} THEN 'due_today:' ELSE 'due_in_3:' END || instalments.id)`;
  const ids = idsOf(
    db.all<{ id: number }>(sql`
      SELECT id FROM instalments WHERE ${due} AND NOT EXISTS (SELECT 1 FROM notifications WHERE dedupe_key = ${dedupeKey})
      ORDER BY id`),
  );
  await writeInChunks(db, ids, batch, timer, (tx, chunk) => {
    const rows = tx.all<{ id: number; consumerId: number; dueDate: string; owedFen: number }>(sql`
      SELECT id, consumer_id AS consumerId, due_date AS dueDate, amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen AS owedFen
      FROM instalments WHERE id IN (SELECT value FROM json_each(${JSON.stringify(chunk)})) AND ${due}
      ORDER BY id`);
    report.reminders += notifyMany(tx, rows.map((inst): NewNotification => {
      const owed = formatFen(inst.owedFen);
      const dueToday = inst.dueDate === today;
      return {
        userId: inst.consumerId,
        kind: dueToday ? "due_today" : "due_in_3",
        title: dueToday ? "A payment is due today" : "A payment is due soon",
        body: dueToday ? `${owed} is due today.` : `${owed} is due on ${inst.dueDate}.`,
        link: "/account/bills",
        dedupeKey: `${dueToday ? "due_today" : "due_in_3"}:${inst.id}`,
        at,
      };
    }));
  });
}

/** One receivables snapshot per store per day (the primary key keeps it to one), each store in its own transaction. */
async function snapshotReceivables({ db, at, today, report, timer }: Step) {
  const ids = idsOf(
    db.all<{ id: number }>(sql`
      SELECT id FROM stores WHERE NOT EXISTS (SELECT 1 FROM receivables_snapshots s WHERE s.store_id = stores.id AND s.date = ${today})
      ORDER BY id`),
  );
  await writeInChunks(db, ids, 1, timer, (tx, [storeId]) => {
    const summary = receivablesSummary(tx, { storeId: storeId!, now: at });
    const row = tx
      .insert(receivablesSnapshots)
      .values({ storeId: storeId!, date: today, outstandingFen: summary.outstandingFen, overdueFen: summary.overdueFen, createdAt: at })
      .onConflictDoNothing()
      .returning({ storeId: receivablesSnapshots.storeId })
      .get();
    if (row) report.snapshots += 1;
  });
}
