// A bill's instalments as the consumer sees them: derived status, days overdue, the fee that applies, what is owed.
import { daysOverdue, instalmentStanding, lateFeeFor, type InstalmentFacts, type InstalmentStatus } from "./instalments";
import type { Payable } from "./allocation";
import type { PolicyParams } from "./policy";

export type BilledInstalment = InstalmentFacts & { id: number; seq: number; overdueMarkedAt: Date | null };

/**
 * The late fee of an instalment on `today`. The jobs charge it once (lateFeeFen), but screens and
 * repayments never wait for them: an overdue instalment not yet marked owes the policy's fee already.
 */
export function lateFeeDueFen(inst: BilledInstalment, today: string, policy: Pick<PolicyParams, "lateFeeFen" | "lateFeeCapBps">): number {
  if (inst.state === "open" && inst.overdueMarkedAt === null && daysOverdue(inst, today) > 0)
    return Math.max(inst.lateFeeFen, lateFeeFor(inst.amountFen, policy));
  return inst.lateFeeFen;
}

export type InstalmentView = {
  id: number;
  seq: number;
  dueDate: string;
  amountFen: number;
  paidPrincipalFen: number;
  lateFeeFen: number;
  paidFeeFen: number;
  owedFen: number;
  status: InstalmentStatus;
  /** From the due date (instalmentStanding). */
  daysPastDue: number;
  lateFeeFrom: string | null;
};

export function viewInstalment(inst: BilledInstalment, today: string, policy: PolicyParams): InstalmentView {
  const lateFeeFen = lateFeeDueFen(inst, today, policy);
  const facts = { ...inst, lateFeeFen };
  const { status, daysPastDue, lateFeeFrom } = instalmentStanding(facts, today);
  const open = status !== "paid" && status !== "void";
  return {
    id: inst.id,
    seq: inst.seq,
    dueDate: inst.dueDate,
    amountFen: inst.amountFen,
    paidPrincipalFen: inst.paidPrincipalFen,
    lateFeeFen,
    paidFeeFen: inst.paidFeeFen,
    owedFen: open ? inst.amountFen - inst.paidPrincipalFen + lateFeeFen - inst.paidFeeFen : 0,
    status,
    daysPastDue,
    lateFeeFrom,
  };
}

/** What can still be paid on each open instalment, in the shape allocatePayment takes. */
export function payablesOf(views: InstalmentView[]): Payable[] {
  return views
    .filter((v) => v.owedFen > 0)
    .map((v) => ({
      id: v.id,
      seq: v.seq,
      dueDate: v.dueDate,
      principalOwedFen: v.amountFen - v.paidPrincipalFen,
      feeOwedFen: v.lateFeeFen - v.paidFeeFen,
    }));
}

/** Owed now (past due, or due within the due-soon window) and owed later, over a set of instalments. */
export function owedTotals(views: InstalmentView[]): { owedNowFen: number; owedLaterFen: number; overdueFen: number } {
  let owedNowFen = 0;
  let owedLaterFen = 0;
  let overdueFen = 0;
  for (const v of views) {
    if (v.status === "overdue") overdueFen += v.owedFen;
    if (v.status === "overdue" || v.status === "in_grace" || v.status === "due_soon") owedNowFen += v.owedFen;
    else owedLaterFen += v.owedFen;
  }
  return { owedNowFen, owedLaterFen, overdueFen };
}

/** The amount of the next instalment: all that is owed on the oldest instalment with anything owed. */
export function nextInstalmentOwedFen(views: InstalmentView[]): number {
  const open = views.filter((v) => v.owedFen > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq);
  return open[0]?.owedFen ?? 0;
}

/** What is past its due date over a consumer's instalments: the amount, the longest days past due, and whether any is overdue. */
export type PastDue = { owedFen: number; daysPastDue: number; overdue: boolean; lateFeeFrom: string | null };

export function pastDueOf(views: InstalmentView[]): PastDue | null {
  const past = views.filter((v) => (v.status === "overdue" || v.status === "in_grace") && v.owedFen > 0);
  if (past.length === 0) return null;
  const inGrace = past.filter((v) => v.lateFeeFrom !== null).map((v) => v.lateFeeFrom!);
  return {
    owedFen: past.reduce((sum, v) => sum + v.owedFen, 0),
    daysPastDue: Math.max(...past.map((v) => v.daysPastDue)),
    overdue: past.some((v) => v.status === "overdue"),
    lateFeeFrom: inGrace.length ? inGrace.sort()[0]! : null,
  };
}
