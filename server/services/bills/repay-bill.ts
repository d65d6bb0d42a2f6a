// Repaying a bill: validate, charge the provider (outside any transaction), then record the payment
// in one transaction that re-reads the bill and refunds the charge if it no longer fits.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { bills, instalments, paymentAllocations, payments } from "@/db/schema";
import { isUniqueViolation, withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { allocatePayment, type Allocation } from "@/server/domain/allocation";
import { payablesOf, viewInstalment } from "@/server/domain/bills";
import { localDate } from "@/server/calendar";
import { effectKey } from "@/server/domain/effects";
import { DomainError, type Refusal } from "@/server/domain/errors";
import { simulatedProvider, type CardSource, type PaymentProvider } from "@/server/services/payments/provider";
import { applyScoreEffect, changeUsedCredit, reconcilePayLaterStatus } from "@/server/services/credit/ledger";
import { notify, notifyPayLaterChange } from "@/server/services/notifications/notify";
import { currentPolicy, policyByVersion } from "@/server/services/policy/current-policy";
import { apiBill, apiInstalments } from "@/server/services/merchant-api/api-bills";
import { recordEvent } from "@/server/services/webhooks/record-event";
import { applyOverdueEffects } from "./apply-overdue-effects";

/** A repayment with a card typed in (the bills page) or the saved card's token (autopay). */
export type RepayInput = { consumerId: number; billId: number; amountFen: number; idempotencyKey: string } & CardSource;
export type RepayResult = {
  paymentId: number;
  billId: number;
  amountFen: number;
  allocations: Allocation[];
  billPaid: boolean;
  payLaterReinstated: boolean;
  replayed: boolean;
};

async function ownBill(db: Db, consumerId: number, billId: number) {
  const bill = await first(
    db
      .select()
      .from(bills)
      .where(and(eq(bills.id, billId), eq(bills.consumerId, consumerId))),
  );
  if (!bill) throw new DomainError("NOT_FOUND", "No such bill.");
  return bill;
}

/** The allocation of `amountFen` over the bill as it stands on `today`, or why it cannot be paid. */
async function planAllocation(db: Db, bill: typeof bills.$inferSelect, amountFen: number, today: string) {
  if (bill.status !== "open")
    return { ok: false, code: "NOTHING_OWED", message: `This bill is already ${bill.status === "paid" ? "paid" : "cancelled"}.` } as Refusal;
  const policy = (await policyByVersion(db, bill.policyVersion)).params;
  const rows = await db.select().from(instalments).where(eq(instalments.billId, bill.id)).orderBy(asc(instalments.seq));
  return allocatePayment(amountFen, payablesOf(rows.map((i) => viewInstalment(i, today, policy))));
}

/** The first payment made with this key, as a result; a different request under the same key is refused. */
async function replayOf(db: Db, input: RepayInput): Promise<RepayResult | null> {
  const original = await first(
    db
      .select()
      .from(payments)
      .where(and(eq(payments.consumerId, input.consumerId), eq(payments.idempotencyKey, input.idempotencyKey))),
  );
  if (!original) return null;
  if (original.kind !== "repayment" || original.billId !== input.billId || original.amountFen !== input.amountFen)
    throw new DomainError("IDEMPOTENCY_MISMATCH", "This payment request was already used for a different payment. Reload the page and try again.");
  const allocations = await db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, original.id));
  const bill = await first(db.select({ status: bills.status }).from(bills).where(eq(bills.id, input.billId)));
  return {
    paymentId: original.id,
    billId: input.billId,
    amountFen: original.amountFen,
    allocations: allocations.map((a) => ({ instalmentId: a.instalmentId, feeFen: a.feeFen, principalFen: a.principalFen })),
    billPaid: bill?.status === "paid",
    payLaterReinstated: false,
    replayed: true,
  };
}

type Recorded = { kind: "paid"; result: RepayResult } | { kind: "replay"; result: RepayResult } | { kind: "refused"; refusal: Refusal };

/** Records the payment; a concurrent twin that won the unique index is read back as a replay (or a mismatch). */
async function recordOrReplay(db: Db, clock: Clock, input: RepayInput, charge: { providerRef: string; cardLast4: string }): Promise<Recorded> {
  try {
    return await withTransaction(db, (tx) => recordPayment(tx, clock, input, charge));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const replay = await replayOf(db, input);
    if (!replay) throw error;
    return { kind: "replay", result: replay };
  }
}

export async function repayBill(db: Db, clock: Clock, input: RepayInput, provider: PaymentProvider = simulatedProvider): Promise<RepayResult> {
  const replay = await replayOf(db, input);
  if (replay) return replay;

  const bill = await ownBill(db, input.consumerId, input.billId);
  const planned = await planAllocation(db, bill, input.amountFen, localDate(clock.now()));
  if (!planned.ok) throw new DomainError(planned.code, planned.message);

  const source: CardSource =
    input.cardToken !== undefined ? { cardToken: input.cardToken, cardLast4: input.cardLast4 } : { cardNumber: input.cardNumber };
  const charge = await provider.charge({
    amountFen: input.amountFen,
    ...source,
    idempotencyKey: input.idempotencyKey,
    description: `Houfu bill ${bill.id}`,
  });
  if (!charge.ok) throw new DomainError("PAYMENT_DECLINED", charge.message);

  let recorded: Recorded;
  try {
    recorded = await recordOrReplay(db, clock, input, charge);
  } catch (error) {
    await provider.refund({ amountFen: input.amountFen, reason: "Repayment could not be recorded" });
    throw error;
  }
  if (recorded.kind === "paid") return recorded.result;
  // The bill changed between the check and the charge (or the same request won meanwhile): keep nothing.
  await provider.refund({ amountFen: input.amountFen, reason: "Repayment no longer fits the bill" });
  if (recorded.kind === "replay") return recorded.result;
  throw new DomainError(recorded.refusal.code, recorded.refusal.message);
}

// Runs inside the transaction, which PostgreSQL may run again: it only touches the database.
async function recordPayment(tx: Db, clock: Clock, input: RepayInput, charge: { providerRef: string; cardLast4: string }): Promise<Recorded> {
  const replay = await replayOf(tx, input);
  if (replay) return { kind: "replay", result: replay };
  const now = clock.now();
  const today = localDate(now);
  const bill = await ownBill(tx, input.consumerId, input.billId);
  const policy = (await policyByVersion(tx, bill.policyVersion)).params;

  // Overdue effects the jobs have not applied yet happen first, so the fee and penalty are never skipped.
  if (bill.status === "open") {
    const open = await tx
      .select({ id: instalments.id })
      .from(instalments)
      .where(and(eq(instalments.billId, bill.id), eq(instalments.state, "open")));
    await applyOverdueEffects(
      tx,
      open.map((i) => i.id),
      { today, at: now },
    );
  }

  const planned = await planAllocation(tx, bill, input.amountFen, today);
  if (!planned.ok) return { kind: "refused", refusal: planned };

  const payment = (await first(
    tx
      .insert(payments)
      .values({
        consumerId: input.consumerId,
        billId: bill.id,
        orderId: bill.orderId,
        kind: "repayment",
        amountFen: input.amountFen,
        cardLast4: charge.cardLast4,
        providerRef: charge.providerRef,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .returning({ id: payments.id }),
  ))!;

  let principalPaidFen = 0;
  for (const a of planned.allocations) {
    await tx.insert(paymentAllocations).values({
      paymentId: payment.id,
      instalmentId: a.instalmentId,
      storeId: bill.storeId,
      principalFen: a.principalFen,
      feeFen: a.feeFen,
      createdAt: now,
    });
    principalPaidFen += a.principalFen;
    const inst = (await first(
      tx
        .update(instalments)
        .set({
          paidPrincipalFen: sql`${instalments.paidPrincipalFen} + ${a.principalFen}`,
          paidFeeFen: sql`${instalments.paidFeeFen} + ${a.feeFen}`,
        })
        .where(eq(instalments.id, a.instalmentId))
        .returning(),
    ))!;
    const settled = inst.paidPrincipalFen === inst.amountFen && inst.paidFeeFen === inst.lateFeeFen;
    if (!settled) continue;
    await tx.update(instalments).set({ state: "paid", paidAt: now, paidOn: today }).where(eq(instalments.id, inst.id));
    await recordEvent(tx, {
      merchantId: bill.storeId,
      type: "instalment.paid",
      data: async () => (await apiInstalments(tx, [inst.id], today)).get(inst.id)!,
      at: now,
    });
    if (today <= inst.dueDate)
      await applyScoreEffect(tx, {
        userId: input.consumerId,
        delta: policy.onTimeBonus,
        reason: "on_time_payment",
        effectKey: effectKey.onTime(inst.id),
        note: `Instalment due ${inst.dueDate} paid on time`,
        orderId: bill.orderId,
        instalmentId: inst.id,
        at: now,
      });
  }
  await changeUsedCredit(tx, input.consumerId, -principalPaidFen, now);

  const unsettled = await first(
    tx
      .select({ id: instalments.id })
      .from(instalments)
      .where(and(eq(instalments.billId, bill.id), eq(instalments.state, "open")))
      .limit(1),
  );
  const billPaid = !unsettled;
  if (billPaid) {
    await tx.update(bills).set({ status: "paid" }).where(eq(bills.id, bill.id));
    await recordEvent(tx, { merchantId: bill.storeId, type: "bill.paid", data: () => apiBill(tx, bill.id, today), at: now });
  }

  await notify(tx, {
    userId: input.consumerId,
    kind: "payment_received",
    params: { amountFen: input.amountFen, billPaid },
    link: "/account/bills",
    dedupeKey: `payment:${payment.id}`,
    at: now,
  });
  const change = await reconcilePayLaterStatus(tx, input.consumerId, today, (await currentPolicy(tx)).params, now);
  await notifyPayLaterChange(tx, input.consumerId, change, now);

  return {
    kind: "paid",
    result: {
      paymentId: payment.id,
      billId: bill.id,
      amountFen: input.amountFen,
      allocations: planned.allocations,
      billPaid,
      payLaterReinstated: change === "reinstated",
      replayed: false,
    },
  };
}
