// The credit jobs: apply the side effects of time passing, each exactly once. Screens never wait for
// them (statuses derive from the clock); these only charge fees, move scores, change statuses,
// remind and snapshot. Safe to run twice, or twice at once: a lease lets one run proceed, and every
// write re-checks inside its immediate transaction.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { bills, creditProfiles, instalments, receivablesSnapshots, stores } from "@/db/schema";
import { addDays, localDate } from "@/server/domain/dates";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { formatFen } from "@/server/domain/money";
import { reconcilePayLaterStatus } from "@/server/services/credit/ledger";
import { notify, notifyPayLaterChange } from "@/server/services/notifications/notify";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { applyOverdueEffects } from "@/server/services/bills/apply-overdue-effects";
import { billPolicies } from "@/server/services/bills/bill-policy";
import { acquireLease, releaseLease } from "./job-lease";

export const CREDIT_JOBS_LEASE = "credit-jobs";
export const JOB_BATCH_SIZE = 200;

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
};

// Lets another run (or request) in between batches.
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runCreditJobs(db: Db, at: Date, opts: { batchSize?: number } = {}): Promise<CreditJobsReport> {
  const today = localDate(at);
  const report: CreditJobsReport = {
    ranAt: at, today, skipped: false, markedOverdue: 0, lateFeesFen: 0, overduePenalties: 0,
    longOverduePenalties: 0, suspended: 0, reinstated: 0, reminders: 0, snapshots: 0,
  };
  const holder = acquireLease(db, CREDIT_JOBS_LEASE);
  if (!holder) return { ...report, skipped: true };
  try {
    const batch = opts.batchSize ?? JOB_BATCH_SIZE;
    await applyOverdue(db, at, today, batch, report);
    await reconcileStatuses(db, at, today, batch, report);
    await remindDue(db, at, today, batch, report);
    report.snapshots = snapshotReceivables(db, at, today);
  } finally {
    releaseLease(db, CREDIT_JOBS_LEASE, holder, at);
  }
  return report;
}

/** Newly overdue instalments, and those that have just reached LONG_OVERDUE_DAYS without the second penalty. */
async function applyOverdue(db: Db, at: Date, today: string, batch: number, report: CreditJobsReport) {
  const longCutoff = addDays(today, -(LONG_OVERDUE_DAYS - 1));
  const policyOf = billPolicies(db);
  let afterId = 0;
  for (;;) {
    const ids = db
      .select({ id: instalments.id })
      .from(instalments)
      .where(
        and(
          eq(instalments.state, "open"),
          lte(instalments.overdueOn, today),
          gt(instalments.id, afterId),
          or(
            isNull(instalments.overdueMarkedAt),
            and(
              lte(instalments.overdueOn, longCutoff),
              sql`NOT EXISTS (SELECT 1 FROM credit_events WHERE effect_key = 'overdue_30:' || ${instalments.id})`,
            ),
          ),
        ),
      )
      .orderBy(asc(instalments.id))
      .limit(batch)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return;
    afterId = ids[ids.length - 1]!;
    immediate(db, (tx) => {
      const rows = tx
        .select({ inst: instalments, orderId: bills.orderId, policyVersion: bills.policyVersion })
        .from(instalments)
        .innerJoin(bills, eq(bills.id, instalments.billId))
        .where(inArray(instalments.id, ids))
        .all();
      for (const row of rows) {
        const outcome = applyOverdueEffects(tx, row.inst, { policy: policyOf(row.policyVersion), orderId: row.orderId, today, at });
        if (outcome.marked) report.markedOverdue += 1;
        report.lateFeesFen += outcome.feeFen;
        report.overduePenalties += outcome.penalties;
        report.longOverduePenalties += outcome.longPenalties;
      }
    });
    await pause();
  }
}

/** Suspends the enabled with something overdue; reinstates the overdue-suspended who have paid it off. */
async function reconcileStatuses(db: Db, at: Date, today: string, batch: number, report: CreditJobsReport) {
  const overdueExists = sql`EXISTS (SELECT 1 FROM instalments i WHERE i.consumer_id = ${creditProfiles.userId} AND i.state = 'open' AND i.overdue_on <= ${today})`;
  let afterId = 0;
  for (;;) {
    const ids = db
      .select({ id: creditProfiles.userId })
      .from(creditProfiles)
      .where(
        and(
          gt(creditProfiles.userId, afterId),
          or(
            and(eq(creditProfiles.payLaterStatus, "enabled"), overdueExists),
            and(eq(creditProfiles.payLaterStatus, "suspended"), eq(creditProfiles.suspendedReason, "overdue"), sql`NOT ${overdueExists}`),
          ),
        ),
      )
      .orderBy(asc(creditProfiles.userId))
      .limit(batch)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return;
    afterId = ids[ids.length - 1]!;
    immediate(db, (tx) => {
      const policy = currentPolicy(tx).params;
      for (const userId of ids) {
        const change = reconcilePayLaterStatus(tx, userId, today, policy, at);
        if (change === "suspended") report.suspended += 1;
        if (change === "reinstated") report.reinstated += 1;
        notifyPayLaterChange(tx, userId, change, at);
      }
    });
    await pause();
  }
}

/** "Due in 3 days" and "due today" reminders, once per instalment each. */
async function remindDue(db: Db, at: Date, today: string, batch: number, report: CreditJobsReport) {
  const in3 = addDays(today, 3);
  let afterId = 0;
  for (;;) {
    const rows = db
      .select()
      .from(instalments)
      .where(and(eq(instalments.state, "open"), gt(instalments.id, afterId), sql`${instalments.dueDate} BETWEEN ${today} AND ${in3}`))
      .orderBy(asc(instalments.id))
      .limit(batch)
      .all();
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1]!.id;
    immediate(db, (tx) => {
      for (const inst of rows) {
        const owed = formatFen(inst.amountFen - inst.paidPrincipalFen + inst.lateFeeFen - inst.paidFeeFen);
        const dueToday = inst.dueDate === today;
        const sent = notify(tx, {
          userId: inst.consumerId,
          kind: dueToday ? "due_today" : "due_in_3",
          title: dueToday ? "A payment is due today" : "A payment is due soon",
          body: dueToday ? `${owed} is due today.` : `${owed} is due on ${inst.dueDate}.`,
          link: "/account/bills",
          dedupeKey: `${dueToday ? "due_today" : "due_in_3"}:${inst.id}`,
          at,
        });
        if (sent) report.reminders += 1;
      }
    });
    await pause();
  }
}

/** One receivables snapshot per store per day (the primary key keeps it to one). */
function snapshotReceivables(db: Db, at: Date, today: string): number {
  return immediate(db, (tx) => {
    let written = 0;
    for (const store of tx.select({ id: stores.id }).from(stores).all()) {
      const summary = receivablesSummary(tx, { storeId: store.id, now: at });
      const row = tx
        .insert(receivablesSnapshots)
        .values({ storeId: store.id, date: today, outstandingFen: summary.outstandingFen, overdueFen: summary.overdueFen, createdAt: at })
        .onConflictDoNothing()
        .returning({ storeId: receivablesSnapshots.storeId })
        .get();
      if (row) written += 1;
    }
    return written;
  });
}
