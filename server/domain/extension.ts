// Moving a due date: once per order, one upcoming instalment moves by up to the policy's extension days, never while
// anything on the order is past its due date, and not from the day before it is due. No score effect; the terms are
// those of the policy version the bill was made with.
import { daysBetween, addDays } from "./dates";
import type { Refusal } from "./errors";
import { overdueOnFor } from "./instalments";
import type { PolicyParams } from "./policy";

export type ExtendableInstalment = { id: number; seq: number; dueDate: string; state: "open" | "paid" | "void" };
export type ExtensionTerms = Pick<PolicyParams, "extensionMaxDays" | "extensionFeeFen" | "graceDays">;

export type ExtensionPlan = {
  ok: true;
  instalmentId: number;
  seq: number;
  fromDate: string;
  toDate: string;
  overdueOn: string;
  feeFen: number;
  /** The bill's schedule with the move made, in order. */
  schedule: { seq: number; dueDate: string; moved: boolean }[];
};

/** An instalment may be moved until two days before its due date (not on the last day before it). */
export const EXTENSION_MIN_DAYS_AHEAD = 2;

const refuse = (code: Refusal["code"], message: string): Refusal => ({ ok: false, code, message });

/** Why this order's instalment cannot be moved by `days`, or the new schedule. */
export function planExtension(input: {
  instalments: readonly ExtendableInstalment[];
  instalmentId: number;
  days: number;
  today: string;
  alreadyExtended: boolean;
  terms: ExtensionTerms;
}): ExtensionPlan | Refusal {
  const { instalments, days, today, terms } = input;
  if (terms.extensionMaxDays < 1) return refuse("EXTENSION_NOT_ALLOWED", "Due dates cannot be moved on this bill.");
  if (input.alreadyExtended) return refuse("EXTENSION_USED", "A due date on this order was already moved once; it can be moved only once.");
  const target = instalments.find((i) => i.id === input.instalmentId);
  if (!target) return refuse("NOT_FOUND", "No such instalment.");
  if (instalments.some((i) => i.state === "open" && i.dueDate < today))
    return refuse("EXTENSION_NOT_ALLOWED", "Something on this order is past its due date. Repay it first; then a due date can be moved.");
  if (target.state !== "open") return refuse("EXTENSION_NOT_ALLOWED", "This instalment is not open, so its due date cannot be moved.");
  if (daysBetween(today, target.dueDate) < EXTENSION_MIN_DAYS_AHEAD)
    return refuse("EXTENSION_NOT_ALLOWED", "A due date can be moved until two days before it; this one is too close.");
  if (!Number.isInteger(days) || days < 1 || days > terms.extensionMaxDays)
    return refuse("EXTENSION_NOT_ALLOWED", `Move the due date by 1 to ${terms.extensionMaxDays} days.`);
  const toDate = addDays(target.dueDate, days);
  const next = instalments.filter((i) => i.seq > target.seq && i.state !== "void").sort((a, b) => a.seq - b.seq)[0];
  if (next && toDate >= next.dueDate)
    return refuse("EXTENSION_NOT_ALLOWED", `The new date must come before the next instalment's due date, ${next.dueDate}.`);
  return {
    ok: true,
    instalmentId: target.id,
    seq: target.seq,
    fromDate: target.dueDate,
    toDate,
    overdueOn: overdueOnFor(toDate, terms.graceDays),
    feeFen: terms.extensionFeeFen,
    schedule: [...instalments]
      .filter((i) => i.state !== "void")
      .sort((a, b) => a.seq - b.seq)
      .map((i) => ({ seq: i.seq, dueDate: i.id === target.id ? toDate : i.dueDate, moved: i.id === target.id })),
  };
}
