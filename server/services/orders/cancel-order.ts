import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { bills, instalments, orderEvents, orderLines, orders, payments, products, refunds } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { canCancel } from "@/server/domain/order-state";
import type { Actor } from "@/server/services/audit/record-audit";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { changeUsedCredit } from "@/server/services/credit/ledger";

/** Who may cancel: the consumer who placed the order, or the store it was placed at. */
export type OrderScope = { consumerId: number } | { storeId: number };

export async function scopedOrder(tx: Db, orderId: number, scope: OrderScope) {
  const owner = "consumerId" in scope ? eq(orders.consumerId, scope.consumerId) : eq(orders.storeId, scope.storeId);
  const order = await first(
    tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), owner)),
  );
  if (!order) throw new DomainError("NOT_FOUND", "No such order.");
  return order;
}

/**
 * Cancels a `placed` order in one transaction: voids the bill's unpaid instalments and releases
 * the credit, returns the stock, and refunds anything already paid. Cancelling twice is a no-op.
 */
export async function cancelOrder(
  db: Db,
  clock: Clock,
  input: { orderId: number; scope: OrderScope; actor: Actor; reason?: string },
  provider: PaymentProvider = simulatedProvider,
): Promise<{ orderId: number; refundedFen: number }> {
  const result = await withTransaction(db, async (tx) => {
    const order = await scopedOrder(tx, input.orderId, input.scope);
    if (order.status === "cancelled") return { orderId: order.id, refundedFen: 0, alreadyCancelled: true };
    if (!canCancel(order))
      throw new DomainError("INVALID_TRANSITION", `Order ${order.number} has been ${order.status} and can no longer be cancelled.`);
    const now = clock.now();

    let paidFen = 0;
    if (order.paymentMethod === "pay_now") {
      paidFen = order.totalFen;
    } else {
      const bill = await first(tx.select().from(bills).where(eq(bills.orderId, order.id)));
      if (bill) {
        const totals = (await first(
          tx
            .select({
              unpaidPrincipal: sql<number>`COALESCE(SUM(CASE WHEN ${instalments.state} = 'open' THEN ${instalments.amountFen} - ${instalments.paidPrincipalFen} END), 0)`,
              paid: sql<number>`COALESCE(SUM(${instalments.paidPrincipalFen} + ${instalments.paidFeeFen}), 0)`,
            })
            .from(instalments)
            .where(eq(instalments.billId, bill.id)),
        ))!;
        paidFen = totals.paid;
        await tx
          .update(instalments)
          .set({ state: "void" })
          .where(and(eq(instalments.billId, bill.id), eq(instalments.state, "open")));
        await tx.update(bills).set({ status: "void" }).where(eq(bills.id, bill.id));
        await changeUsedCredit(tx, order.consumerId, -totals.unpaidPrincipal, now);
      }
    }

    for (const line of await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)))
      if (line.productId !== null)
        await tx
          .update(products)
          .set({ stock: sql`${products.stock} + ${line.quantity}` })
          .where(eq(products.id, line.productId));

    if (paidFen > 0) {
      const key = `cancel-${order.id}`;
      await tx.insert(refunds).values({
        orderId: order.id,
        amountFen: paidFen,
        paidBackFen: paidFen,
        reason: input.reason ?? "Order cancelled",
        actorUserId: input.actor.userId,
        idempotencyKey: key,
        createdAt: now,
      });
      await tx.insert(payments).values({
        consumerId: order.consumerId,
        orderId: order.id,
        kind: "refund",
        amountFen: paidFen,
        providerRef: `sim_refund_${randomUUID()}`,
        idempotencyKey: key,
        createdAt: now,
      });
    }
    await tx.update(orders).set({ status: "cancelled", refundedFen: paidFen, updatedAt: now }).where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: "cancelled",
      actorUserId: input.actor.userId,
      amountFen: paidFen || null,
      note: input.reason ?? null,
      createdAt: now,
    });
    return { orderId: order.id, refundedFen: paidFen, alreadyCancelled: false };
  });
  // The money goes back after the cancellation is recorded; the simulated provider cannot fail.
  if (result.refundedFen > 0 && !result.alreadyCancelled) await provider.refund({ amountFen: result.refundedFen, reason: "Order cancelled" });
  return { orderId: result.orderId, refundedFen: result.refundedFen };
}
