// The side effects of an instalment going overdue, each applied once: mark it and charge the late fee,
// the overdue penalty, and the larger penalty once it is LONG_OVERDUE_DAYS overdue.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instalments } from "@/db/schema";
import { effectKey, LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { daysOverdue, lateFeeFor } from "@/server/domain/instalments";
import { formatFen } from "@/server/domain/money";
import type { PolicyParams } from "@/server/domain/policy";
import { applyScoreEffect } from "@/server/services/credit/ledger";
import { notify } from "@/server/services/notifications/notify";

export type OverdueCandidate = {
  id: number;
  billId: number;
  consumerId: number;
  amountFen: number;
  dueDate: string;
  overdueOn: string;
  state: "open" | "paid" | "void";
  overdueMarkedAt: Date | null;
};

export type OverdueOutcome = { marked: boolean; feeFen: number; penalties: number; longPenalties: number };

/** Runs inside the caller's immediate transaction; a second call for the same instalment changes nothing. */
export function applyOverdueEffects(
  tx: Db,
  inst: OverdueCandidate,
  ctx: { policy: PolicyParams; orderId: number; today: string; at: Date },
): OverdueOutcome {
  const outcome: OverdueOutcome = { marked: false, feeFen: 0, penalties: 0, longPenalties: 0 };
  const days = daysOverdue(inst, ctx.today);
  if (inst.state !== "open" || days === 0) return outcome;
  const refs = { userId: inst.consumerId, orderId: ctx.orderId, instalmentId: inst.id, at: ctx.at };

  if (inst.overdueMarkedAt === null) {
    const feeFen = lateFeeFor(inst.amountFen, ctx.policy);
    // The null check in the WHERE makes the fee land once even if another run got here first.
    const marked = tx
      .update(instalments)
      .set({ lateFeeFen: feeFen, overdueMarkedAt: ctx.at })
      .where(and(eq(instalments.id, inst.id), eq(instalments.state, "open"), isNull(instalments.overdueMarkedAt)))
      .run();
    if (marked.changes === 1) {
      outcome.marked = true;
      outcome.feeFen = feeFen;
      notify(tx, {
        userId: inst.consumerId,
        kind: "overdue",
        title: "A payment is overdue",
        body: `Your instalment due ${inst.dueDate} is overdue. A late fee of ${formatFen(feeFen)} was added; repay it to keep pay later.`,
        link: "/account/bills",
        dedupeKey: `overdue:${inst.id}`,
        at: ctx.at,
      });
    }
  }
  if (applyScoreEffect(tx, { ...refs, delta: -ctx.policy.overduePenalty, reason: "overdue", effectKey: effectKey.overdue(inst.id), note: `Instalment due ${inst.dueDate} went overdue` }))
    outcome.penalties += 1;
  if (
    days >= LONG_OVERDUE_DAYS &&
    applyScoreEffect(tx, { ...refs, delta: -ctx.policy.overdue30Penalty, reason: "overdue_30", effectKey: effectKey.overdue30(inst.id), note: `Instalment due ${inst.dueDate} is ${LONG_OVERDUE_DAYS} days overdue` })
  )
    outcome.longPenalties += 1;
  return outcome;
}
