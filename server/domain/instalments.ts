// Instalment schedules, derived statuses, late fees and aging: pure rules over dates and fen.
import { addDays, daysBetween } from "./dates";
import { bpsOf, splitFen } from "./money";
import type { Plan, PolicyParams } from "./policy";

export type ScheduledInstalment = { seq: number; dueDate: string; overdueOn: string; amountFen: number };

/** The first day an instalment counts as overdue: due date plus grace has fully passed. */
export function overdueOnFor(dueDate: string, graceDays: number): string {
  return addDays(dueDate, graceDays + 1);
}

/** Instalments for an order placed on `orderDate`: equal parts, remainder fen first. */
export function buildSchedule(totalFen: number, plan: Plan, orderDate: string, graceDays: number): ScheduledInstalment[] {
  return splitFen(totalFen, plan.instalments).map((amountFen, i) => {
    const dueDate = addDays(orderDate, plan.intervalDays * (i + 1));
    return { seq: i + 1, dueDate, overdueOn: overdueOnFor(dueDate, graceDays), amountFen };
  });
}

export const DUE_SOON_DAYS = 7;

export type InstalmentStatus = "upcoming" | "due_soon" | "in_grace" | "overdue" | "paid" | "void";

export type InstalmentFacts = {
  state: "open" | "paid" | "void";
  dueDate: string;
  overdueOn: string;
  amountFen: number;
  paidPrincipalFen: number;
  lateFeeFen: number;
  paidFeeFen: number;
};

/**
 * Where an instalment stands on `today`. Days past due count from the due date (1 the day after it); the grace
 * only delays the late fee and the score effect, which start on `lateFeeFrom` (the first overdue day).
 */
export type InstalmentStanding = {
  status: InstalmentStatus;
  /** Whole days since the due date while something is owed past it; 0 otherwise. */
  daysPastDue: number;
  /** The day the late fee applies from, while the instalment is in grace; null otherwise. */
  lateFeeFrom: string | null;
};

/** The one place an instalment's status and days past due are derived from its facts and today's date. */
export function instalmentStanding(inst: InstalmentFacts, today: string): InstalmentStanding {
  if (inst.state === "void") return { status: "void", daysPastDue: 0, lateFeeFrom: null };
  if (inst.state === "paid" || owedFen(inst) === 0) return { status: "paid", daysPastDue: 0, lateFeeFrom: null };
  const daysPastDue = Math.max(0, daysBetween(inst.dueDate, today));
  if (today >= inst.overdueOn) return { status: "overdue", daysPastDue, lateFeeFrom: null };
  if (daysPastDue > 0) return { status: "in_grace", daysPastDue, lateFeeFrom: inst.overdueOn };
  return { status: daysBetween(today, inst.dueDate) <= DUE_SOON_DAYS ? "due_soon" : "upcoming", daysPastDue: 0, lateFeeFrom: null };
}

/** The status alone (instalmentStanding's). */
export function instalmentStatus(inst: InstalmentFacts, today: string): InstalmentStatus {
  return instalmentStanding(inst, today).status;
}

/**
 * Days since the instalment went overdue (1 on its first overdue day, 0 before): the credit jobs' clock for the
 * fee and the score effects. Screens show days past due (instalmentStanding), never this.
 */
export function daysOverdue(inst: Pick<InstalmentFacts, "overdueOn">, today: string): number {
  return today >= inst.overdueOn ? daysBetween(inst.overdueOn, today) + 1 : 0;
}

export function unpaidPrincipalFen(inst: Pick<InstalmentFacts, "amountFen" | "paidPrincipalFen">): number {
  return inst.amountFen - inst.paidPrincipalFen;
}

/** What is owed on an instalment right now: unpaid principal and unpaid late fee. */
export function owedFen(inst: Pick<InstalmentFacts, "amountFen" | "paidPrincipalFen" | "lateFeeFen" | "paidFeeFen">): number {
  return inst.amountFen - inst.paidPrincipalFen + inst.lateFeeFen - inst.paidFeeFen;
}

/** The late fee charged once when an instalment goes overdue: flat, capped at a share of it. */
export function lateFeeFor(amountFen: number, policy: Pick<PolicyParams, "lateFeeFen" | "lateFeeCapBps">): number {
  return Math.min(policy.lateFeeFen, bpsOf(amountFen, policy.lateFeeCapBps));
}

export const AGING_BUCKETS = [
  { key: "d1_30", label: "1–30 days", min: 1, max: 30 },
  { key: "d31_60", label: "31–60 days", min: 31, max: 60 },
  { key: "d61_90", label: "61–90 days", min: 61, max: 90 },
  { key: "d91_plus", label: "91+ days", min: 91, max: Number.POSITIVE_INFINITY },
] as const;
export type AgingBucketKey = (typeof AGING_BUCKETS)[number]["key"];

/** The aging bucket of an overdue amount, by its days past due (from the due date). */
export function agingBucket(days: number): AgingBucketKey | null {
  return AGING_BUCKETS.find((b) => days >= b.min && days <= b.max)?.key ?? null;
}
