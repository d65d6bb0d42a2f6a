// Moving one instalment's due date: checked by planExtension under the bill's own policy version,
// written in one transaction with the order's history, a zero-point credit event (the credit report notes it) and
// the extension row whose unique order id keeps it to once per order. A fee, when the policy sets one, is charged to
// the card given before the transaction and refunded if the extension then cannot be recorded.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { bills, dueDateExtensions, instalments, orderEvents, orders, payments } from "@/db/schema";
import { isUniqueViolation, withTransaction } from "@/db/transaction";
import { localDate } from "@/server/calendar";
import type { Clock } from "@/server/clock";
import { daysBetween } from "@/server/domain/dates";
import { DomainError, type Refusal } from "@/server/domain/errors";
import { planExtension, type ExtensionPlan } from "@/server/domain/extension";
import { policyByVersion } from "@/server/services/policy/current-policy";
import { applyScoreEffect } from "@/server/services/credit/ledger";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";

export type ExtendInput = { consumerId: number; instalmentId: number; days: number; idempotencyKey: string; cardNumber?: string };
export type ExtendResult = Omit<ExtensionPlan, "ok"> & { orderId: number; orderNumber: string; replayed: boolean };

/** The consumer's own instalment's order, bill and schedule, and whether the order was extended already. */
async function loadOrder(db: Db, consumerId: number, instalmentId: number) {
  const target = await first(
    db
      .select({ billId: instalments.billId })
      .from(instalments)
      .where(and(eq(instalments.id, instalmentId), eq(instalments.consumerId, consumerId))),
  );
  if (!target) throw new DomainError("NOT_FOUND", "No such instalment.");
  const bill = (await first(db.select().from(bills).where(eq(bills.id, target.billId))))!;
  const order = (await first(db.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.id, bill.orderId))))!;
  const schedule = await db
    .select({ id: instalments.id, seq: instalments.seq, dueDate: instalments.dueDate, state: instalments.state })
    .from(instalments)
    .where(eq(instalments.billId, bill.id))
    .orderBy(asc(instalments.seq));
  const extension = await first(db.select().from(dueDateExtensions).where(eq(dueDateExtensions.orderId, order.id)));
  const terms = (await policyByVersion(db, bill.policyVersion)).params;
  return { bill, order, schedule, extension, terms };
}

type Loaded = Awaited<ReturnType<typeof loadOrder>>;

function plan(loaded: Loaded, input: ExtendInput, today: string): ExtensionPlan | Refusal {
  return planExtension({
    instalments: loaded.schedule,
    instalmentId: input.instalmentId,
    days: input.days,
    today,
    alreadyExtended: !!loaded.extension,
    terms: loaded.terms,
  });
}

/** The extension made under this key, as a result; another request under the key is refused; null if none. */
function replayOf(loaded: Loaded, input: ExtendInput): ExtendResult | null {
  const done = loaded.extension;
  if (!done || done.idempotencyKey !== input.idempotencyKey) return null;
  const seq = loaded.schedule.find((i) => i.id === done.instalmentId)?.seq ?? 0;
  if (done.instalmentId !== input.instalmentId || daysBetween(done.fromDate, done.toDate) !== input.days)
    throw new DomainError("IDEMPOTENCY_MISMATCH", "This request was already used for a different change. Reload the page and try again.");
  return {
    instalmentId: done.instalmentId,
    seq,
    fromDate: done.fromDate,
    toDate: done.toDate,
    overdueOn: "",
    feeFen: done.feeFen,
    schedule: loaded.schedule.map((i) => ({ seq: i.seq, dueDate: i.dueDate, moved: i.id === done.instalmentId })),
    orderId: loaded.order.id,
    orderNumber: loaded.order.number,
    replayed: true,
  };
}

/** What the move would look like (the schedule shown before confirming), or why it is refused. */
export async function previewExtension(db: Db, clock: Clock, input: Omit<ExtendInput, "idempotencyKey" | "cardNumber">) {
  const loaded = await loadOrder(db, input.consumerId, input.instalmentId);
  const planned = plan(loaded, { ...input, idempotencyKey: "" }, localDate(clock.now()));
  if (!planned.ok) throw new DomainError(planned.code, planned.message);
  return planned;
}

export async function extendDueDate(db: Db, clock: Clock, input: ExtendInput, provider: PaymentProvider = simulatedProvider): Promise<ExtendResult> {
  const loaded = await loadOrder(db, input.consumerId, input.instalmentId);
  const replay = replayOf(loaded, input);
  if (replay) return replay;
  const planned = plan(loaded, input, localDate(clock.now()));
  if (!planned.ok) throw new DomainError(planned.code, planned.message);

  let fee: { providerRef: string; cardLast4: string } | null = null;
  if (planned.feeFen > 0) {
    if (!input.cardNumber) throw new DomainError("PAYMENT_DECLINED", "Enter a card number to pay the extension fee.");
    const charged = await provider.charge({
      amountFen: planned.feeFen,
      cardNumber: input.cardNumber,
      idempotencyKey: `extension:${input.idempotencyKey}`,
      description: `Houfu extension fee, order ${loaded.order.number}`,
    });
    if (!charged.ok) throw new DomainError("PAYMENT_DECLINED", charged.message);
    fee = charged;
  }
  try {
    const recorded = await withTransaction(db, (tx) => recordExtension(tx, clock, input, fee));
    if (recorded.ok) return recorded.result;
    if (fee) await provider.refund({ amountFen: planned.feeFen, reason: "Extension no longer possible" });
    if (recorded.replay) return recorded.replay;
    throw new DomainError(recorded.refusal.code, recorded.refusal.message);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (fee) await provider.refund({ amountFen: planned.feeFen, reason: "Extension could not be recorded" });
    // A concurrent request for the same order won the unique order id: read its outcome.
    if (isUniqueViolation(error)) {
      const again = await loadOrder(db, input.consumerId, input.instalmentId);
      const replayed = replayOf(again, input);
      if (replayed) return replayed;
      const refused = plan(again, input, localDate(clock.now()));
      if (!refused.ok) throw new DomainError(refused.code, refused.message);
    }
    throw error;
  }
}

type Recorded = { ok: true; result: ExtendResult } | { ok: false; refusal: Refusal; replay: ExtendResult | null };

// Inside the transaction (PostgreSQL may run it again): re-reads and re-checks everything, then writes.
async function recordExtension(tx: Db, clock: Clock, input: ExtendInput, fee: { providerRef: string; cardLast4: string } | null): Promise<Recorded> {
  const now = clock.now();
  const loaded = await loadOrder(tx, input.consumerId, input.instalmentId);
  const replay = replayOf(loaded, input);
  if (replay) return { ok: false, refusal: { ok: false, code: "EXTENSION_USED", message: "" }, replay };
  const planned = plan(loaded, input, localDate(now));
  if (!planned.ok) return { ok: false, refusal: planned, replay: null };

  await tx.update(instalments).set({ dueDate: planned.toDate, overdueOn: planned.overdueOn }).where(eq(instalments.id, planned.instalmentId));
  await tx.insert(dueDateExtensions).values({
    orderId: loaded.order.id,
    billId: loaded.bill.id,
    instalmentId: planned.instalmentId,
    consumerId: input.consumerId,
    fromDate: planned.fromDate,
    toDate: planned.toDate,
    feeFen: planned.feeFen,
    policyVersion: loaded.bill.policyVersion,
    idempotencyKey: input.idempotencyKey,
    createdAt: now,
  });
  const note = `Instalment ${planned.seq} moved from ${planned.fromDate} to ${planned.toDate}`;
  await tx.insert(orderEvents).values({
    orderId: loaded.order.id,
    type: "due_date_extended",
    actorUserId: input.consumerId,
    amountFen: planned.feeFen > 0 ? planned.feeFen : null,
    note,
    createdAt: now,
  });
  // Noted on the credit report with no effect on the score.
  await applyScoreEffect(tx, {
    userId: input.consumerId,
    delta: 0,
    reason: "due_date_extended",
    effectKey: `extension:${loaded.order.id}`,
    note,
    orderId: loaded.order.id,
    instalmentId: planned.instalmentId,
    at: now,
  });
  if (fee)
    await tx.insert(payments).values({
      consumerId: input.consumerId,
      billId: loaded.bill.id,
      orderId: loaded.order.id,
      kind: "extension_fee",
      amountFen: planned.feeFen,
      cardLast4: fee.cardLast4,
      providerRef: fee.providerRef,
      idempotencyKey: `extension:${input.idempotencyKey}`,
      createdAt: now,
    });
  const { ok: _ok, ...made } = planned;
  return { ok: true, result: { ...made, orderId: loaded.order.id, orderNumber: loaded.order.number, replayed: false } };
}
