// A bill's instalments as the consumer sees them: derived status, days overdue, the fee that applies, what is owed.
import { daysOverdue, instalmentStatus, lateFeeFor, type InstalmentFacts, type InstalmentStatus } from "./instalments";
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
  daysOverdue: number;
};

export function viewInstalment(inst: BilledInstalment, today: string, policy: PolicyParams): InstalmentView {
  const lateFeeFen = lateFeeDueFen(inst, today, policy);
  const facts = { ...inst, lateFeeFen };
  const status = instalmentStatus(facts, today);
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
    daysOverdue: status === "overdue" ? daysOverdue(inst, today) : 0,
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

/** Owed now (overdue or due within the due-soon window) and owed later, over a set of instalments. */
export function owedTotals(views: InstalmentView[]): { owedNowFen: number; owedLaterFen: number; overdueFen: number } {
  let owedNowFen = 0;
  let owedLaterFen = 0;
  let overdueFen = 0;
  for (const v of views) {
    if (v.status === "overdue") overdueFen += v.owedFen;
    if (v.status === "overdue" || v.status === "due_soon") owedNowFen += v.owedFen;
    else owedLaterFen += v.owedFen;
  }
  return { owedNowFen, owedLaterFen, overdueFen };
}

/** The amount of the next instalment: all that is owed on the oldest instalment with anything owed. */
export function nextInstalmentOwedFen(views: InstalmentView[]): number {
  const open = views.filter((v) => v.owedFen > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq);
  return open[0]?.owedFen ?? 0;
}
