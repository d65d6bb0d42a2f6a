import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { bills, instalments, orderEvents, orders, payments, refunds, stores } from "@/db/schema";
import { isUniqueViolation, withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { DomainError } from "@/server/domain/errors";
import { lateFeeFor, owedFen } from "@/server/domain/instalments";
import { formatFen } from "@/server/domain/money";
import { refundableFen, statusAfterRefund } from "@/server/domain/order-state";
import { notify, refundNotice } from "@/server/services/notifications/notify";
import type { Actor } from "@/server/services/audit/record-audit";
import { changeUsedCredit, reconcilePayLaterStatus } from "@/server/services/credit/ledger";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { currentPolicy, policyByVersion } from "@/server/services/policy/current-policy";
import { getApiOrder } from "@/server/services/merchant-api/api-orders";
import { recordEvent } from "@/server/services/webhooks/record-event";
import { scopedOrder } from "./cancel-order";

export type RefundResult = { refundId: number; orderId: number; amountFen: number; reducedBillFen: number; paidBackFen: number };

/**
 * Refunds all or part of a shipped or completed order. On a pay-later order the refund first
 * reduces the bill from its last instalment backwards (voiding instalments that reach zero and
 * releasing the credit); whatever exceeds the unpaid principal is paid back to the consumer.
 * The idempotency key makes a replay return the first refund and write nothing; a replay that raced the first
 * request and lost on refunds_idempotency_uq (PostgreSQL) runs again and finds it.
 */
export async function refundOrder(
  db: Db,
  clock: Clock,
  input: { orderId: number; storeId: number; amountFen: number; reason: string; idempotencyKey: string; actor: Actor },
  provider: PaymentProvider = simulatedProvider,
): Promise<RefundResult> {
  const record = () =>
    withTransaction(db, async (tx) => {
      const order = await scopedOrder(tx, input.orderId, { storeId: input.storeId });
      const earlier = await first(
        tx
          .select()
          .from(refunds)
          .where(and(eq(refunds.orderId, order.id), eq(refunds.idempotencyKey, input.idempotencyKey))),
      );
      if (earlier) {
        if (earlier.amountFen !== input.amountFen)
          throw new DomainError("IDEMPOTENCY_MISMATCH", "This refund was already submitted with a different amount.");
        return {
          refundId: earlier.id,
          orderId: order.id,
          amountFen: earlier.amountFen,
          reducedBillFen: earlier.amountFen - earlier.paidBackFen,
          paidBackFen: earlier.paidBackFen,
          replay: true,
        };
      }
      const refundable = refundableFen(order);
      if (refundable <= 0)
        throw order.totalFen - order.refundedFen <= 0
          ? new DomainError("NOTHING_TO_REFUND", `Order ${order.number} has already been refunded in full.`)
          : new DomainError(
              "INVALID_TRANSITION",
              `Order ${order.number} is ${order.status}; only captured, shipped or completed orders can be refunded.`,
            );
      if (input.amountFen > refundable)
        throw new DomainError("REFUND_TOO_LARGE", `At most ${formatFen(refundable)} of order ${order.number} can still be refunded.`);

      const now = clock.now();
      let reducedBillFen = 0;
      let feeWaivedFen = 0;
      let billId: number | null = null;
      if (order.paymentMethod === "pay_later") {
        const bill = await first(tx.select().from(bills).where(eq(bills.orderId, order.id)));
        if (bill) {
          billId = bill.id;
          ({ reducedUnpaid: reducedBillFen, feeWaived: feeWaivedFen } = await reduceBillFromTheEnd(tx, bill, input.amountFen, now));
          await changeUsedCredit(tx, order.consumerId, -reducedBillFen, now);
          const stillOpen = await first(
            tx
              .select({ id: instalments.id })
              .from(instalments)
              .where(and(eq(instalments.billId, bill.id), eq(instalments.state, "open")))
              .limit(1),
          );
          if (!stillOpen) {
            const anyPaid = await first(
              tx
                .select({ id: instalments.id })
                .from(instalments)
                .where(and(eq(instalments.billId, bill.id), ne(instalments.state, "void")))
                .limit(1),
            );
            await tx
              .update(bills)
              .set({ status: anyPaid ? "paid" : "void" })
              .where(eq(bills.id, bill.id));
          }
          // A smaller bill can clear what was overdue, which lifts an overdue suspension.
          await reconcilePayLaterStatus(tx, order.consumerId, localDate(now), (await currentPolicy(tx)).params, now);
        }
      }
      const paidBackFen = input.amountFen - reducedBillFen;
      const refund = (await first(
        tx
          .insert(refunds)
          .values({
            orderId: order.id,
            amountFen: input.amountFen,
            paidBackFen,
            feeWaivedFen,
            reason: input.reason,
            actorUserId: input.actor.userId,
            idempotencyKey: input.idempotencyKey,
            createdAt: now,
          })
          .returning({ id: refunds.id }),
      ))!;
      if (paidBackFen > 0)
        await tx.insert(payments).values({
          consumerId: order.consumerId,
          orderId: order.id,
          billId,
          kind: "refund",
          amountFen: paidBackFen,
          providerRef: `sim_refund_${randomUUID()}`,
          idempotencyKey: `refund-${refund.id}-${input.idempotencyKey}`,
          createdAt: now,
        });
      await tx
        .update(orders)
        .set({ status: statusAfterRefund(order, input.amountFen), refundedFen: order.refundedFen + input.amountFen, updatedAt: now })
        .where(eq(orders.id, order.id));
      await tx.insert(orderEvents).values({
        orderId: order.id,
        type: "refunded",
        actorUserId: input.actor.userId,
        amountFen: input.amountFen,
        note: input.reason,
        createdAt: now,
      });
      await notifyRefund(tx, { order, refundId: refund.id, amountFen: input.amountFen, paidBackFen, billId, at: now });
      await recordEvent(tx, {
        merchantId: order.storeId,
        type: "order.refunded",
        data: () => getApiOrder(tx, { storeId: order.storeId, orderId: order.id }),
        at: now,
      });
      return { refundId: refund.id, orderId: order.id, amountFen: input.amountFen, reducedBillFen, paidBackFen, replay: false };
    });
  const result = await record().catch((error: unknown) => {
    if (isUniqueViolation(error)) return record();
    throw error;
  });
  // The money goes back after the refund is recorded; the simulated provider cannot fail.
  if (!result.replay && result.paidBackFen > 0) await provider.refund({ amountFen: result.paidBackFen, reason: input.reason });
  const { replay: _replay, ...refund } = result;
  return refund;
}

/**
 * Takes `amountFen` off the bill from its last instalment backwards: first the unpaid principal
 * (which releases credit), then principal already paid (which goes back to the consumer), so the
 * instalments always add up to the order total less refunds. Returns the unpaid principal removed and the late
 * fee waived with it (kept on the refund and the instalment, so statements can tell when a fee was charged and taken off).
 */
async function reduceBillFromTheEnd(
  tx: Db,
  bill: { id: number; policyVersion: number },
  amountFen: number,
  now: Date,
): Promise<{ reducedUnpaid: number; feeWaived: number }> {
  const policy = (await policyByVersion(tx, bill.policyVersion)).params;
  const rows = await tx
    .select()
    .from(instalments)
    .where(and(eq(instalments.billId, bill.id), ne(instalments.state, "void")))
    .orderBy(desc(instalments.seq));
  const changed = new Map<number, (typeof rows)[number]>();
  let left = amountFen;
  for (const take of ["unpaid", "paid"] as const) {
    for (const row of rows) {
      if (left === 0) break;
      const inst = changed.get(row.id) ?? { ...row };
      const available = take === "unpaid" ? (inst.state === "open" ? inst.amountFen - inst.paidPrincipalFen : 0) : inst.paidPrincipalFen;
      const cut = Math.min(left, available);
      if (cut === 0) continue;
      left -= cut;
      inst.amountFen -= cut;
      if (take === "paid") inst.paidPrincipalFen -= cut;
      changed.set(row.id, inst);
    }
  }
  const reducedUnpaid = rows.reduce((sum, row) => {
    const inst = changed.get(row.id);
    return inst && row.state === "open" ? sum + (row.amountFen - row.paidPrincipalFen) - (inst.amountFen - inst.paidPrincipalFen) : sum;
  }, 0);
  let feeWaived = 0;
  for (const inst of changed.values()) {
    // A smaller instalment keeps its late fee within the cap (never below what was already paid).
    const lateFeeFen = Math.min(inst.lateFeeFen, Math.max(inst.paidFeeFen, lateFeeFor(inst.amountFen, policy)));
    const waived = inst.lateFeeFen - lateFeeFen;
    feeWaived += waived;
    const next = { ...inst, lateFeeFen };
    const state = inst.amountFen === 0 ? "void" : owedFen(next) === 0 ? "paid" : "open";
    const justPaid = state === "paid" && inst.state !== "paid";
    await tx
      .update(instalments)
      .set({
        amountFen: inst.amountFen,
        paidPrincipalFen: inst.paidPrincipalFen,
        lateFeeFen,
        feeWaivedFen: inst.feeWaivedFen + waived,
        state,
        ...(justPaid ? { paidAt: now, paidOn: localDate(now) } : {}),
      })
      .where(eq(instalments.id, inst.id));
  }
  return { reducedUnpaid, feeWaived };
}

/** Tells the consumer of every refund: how much, what goes back to the card, and the bill's schedule from now on. */
async function notifyRefund(
  tx: Db,
  r: {
    order: { id: number; number: string; consumerId: number; storeId: number };
    refundId: number;
    amountFen: number;
    paidBackFen: number;
    billId: number | null;
    at: Date;
  },
) {
  const schedule = r.billId
    ? (
        await tx
          .select({ dueDate: instalments.dueDate, amountFen: instalments.amountFen, paidPrincipalFen: instalments.paidPrincipalFen })
          .from(instalments)
          .where(and(eq(instalments.billId, r.billId), eq(instalments.state, "open")))
          .orderBy(asc(instalments.seq))
      ).map((i) => ({ dueDate: i.dueDate, amountFen: i.amountFen - i.paidPrincipalFen }))
    : null;
  await notify(
    tx,
    refundNotice({
      userId: r.order.consumerId,
      refundId: r.refundId,
      orderId: r.order.id,
      orderNumber: r.order.number,
      storeName: (await first(tx.select({ name: stores.name }).from(stores).where(eq(stores.id, r.order.storeId))))?.name ?? "",
      amountFen: r.amountFen,
      paidBackFen: r.paidBackFen,
      schedule,
      at: r.at,
    }),
  );
}
