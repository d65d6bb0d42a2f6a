import { asc, eq, inArray } from "drizzle-orm";
import { creditEventColumns } from "@/server/services/credit/list-credit-events";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import {
  agreementAcceptances,
  bills,
  creditEvents,
  creditProfiles,
  instalments,
  notifications,
  orderEvents,
  orderLines,
  orders,
  paymentAllocations,
  payments,
  refunds,
  stores,
  users,
} from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { recordAudit } from "@/server/services/audit/record-audit";

export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything Houfu holds about the consumer, read in one transaction (a consistent copy) and every read scoped to
 * their id: profile and credit, orders with their lines and history, bills with instalments, payments with their
 * allocations, refunds, credit events, notifications and agreement acceptances. Never the password hash. The
 * download is audited in the same transaction.
 */
export async function exportMyData(db: Db, clock: Clock, input: { consumerId: number }) {
  return withTransaction(db, async (tx) => {
    const now = clock.now();
    const user = await first(
      tx
        .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, closedAt: users.closedAt })
        .from(users)
        .where(eq(users.id, input.consumerId)),
    );
    if (user?.role !== "consumer") throw new DomainError("NOT_FOUND", "There is no such account.");
    const credit = await first(tx.select().from(creditProfiles).where(eq(creditProfiles.userId, user.id)));
    const orderRows = await tx
      .select({
        id: orders.id,
        number: orders.number,
        store: stores.name,
        status: orders.status,
        paymentMethod: orders.paymentMethod,
        planCode: orders.planCode,
        totalFen: orders.totalFen,
        refundedFen: orders.refundedFen,
        shippingName: orders.shippingName,
        shippingPhone: orders.shippingPhone,
        shippingAddress: orders.shippingAddress,
        shippingCarrier: orders.shippingCarrier,
        trackingNumber: orders.trackingNumber,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .where(eq(orders.consumerId, user.id))
      .orderBy(asc(orders.id));
    const orderIds = orderRows.map((o) => o.id);
    const [lines, events, billRows, instalmentRows, paymentRows, refundRows, creditRows, notificationRows, acceptances] = await Promise.all([
      orderIds.length ? tx.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).orderBy(asc(orderLines.id)) : [],
      orderIds.length
        ? tx
            .select({
              orderId: orderEvents.orderId,
              type: orderEvents.type,
              amountFen: orderEvents.amountFen,
              note: orderEvents.note,
              createdAt: orderEvents.createdAt,
            })
            .from(orderEvents)
            .where(inArray(orderEvents.orderId, orderIds))
            .orderBy(asc(orderEvents.id))
        : [],
      tx.select().from(bills).where(eq(bills.consumerId, user.id)).orderBy(asc(bills.id)),
      tx.select().from(instalments).where(eq(instalments.consumerId, user.id)).orderBy(asc(instalments.id)),
      tx
        .select({
          id: payments.id,
          billId: payments.billId,
          orderId: payments.orderId,
          kind: payments.kind,
          amountFen: payments.amountFen,
          cardLast4: payments.cardLast4,
          createdAt: payments.createdAt,
        })
        .from(payments)
        .where(eq(payments.consumerId, user.id))
        .orderBy(asc(payments.id)),
      orderIds.length
        ? tx
            .select({
              id: refunds.id,
              orderId: refunds.orderId,
              amountFen: refunds.amountFen,
              paidBackFen: refunds.paidBackFen,
              reason: refunds.reason,
              createdAt: refunds.createdAt,
            })
            .from(refunds)
            .where(inArray(refunds.orderId, orderIds))
            .orderBy(asc(refunds.id))
        : [],
      tx.select(creditEventColumns).from(creditEvents).where(eq(creditEvents.userId, user.id)).orderBy(asc(creditEvents.id)),
      tx
        .select({
          id: notifications.id,
          kind: notifications.kind,
          params: notifications.params,
          title: notifications.title,
          body: notifications.body,
          link: notifications.link,
          readAt: notifications.readAt,
          createdAt: notifications.createdAt,
        })
        .from(notifications)
        .where(eq(notifications.userId, user.id))
        .orderBy(asc(notifications.id)),
      tx
        .select({ agreementVersion: agreementAcceptances.agreementVersion, acceptedAt: agreementAcceptances.acceptedAt })
        .from(agreementAcceptances)
        .where(eq(agreementAcceptances.userId, user.id))
        .orderBy(asc(agreementAcceptances.id)),
    ]);
    const paymentIds = paymentRows.map((p) => p.id);
    const allocations = paymentIds.length
      ? await tx
          .select({
            paymentId: paymentAllocations.paymentId,
            instalmentId: paymentAllocations.instalmentId,
            principalFen: paymentAllocations.principalFen,
            feeFen: paymentAllocations.feeFen,
          })
          .from(paymentAllocations)
          .where(inArray(paymentAllocations.paymentId, paymentIds))
          .orderBy(asc(paymentAllocations.id))
      : [];
    await recordAudit(tx, {
      actor: { userId: user.id, role: "consumer" },
      action: "consumer.data_exported",
      entityType: "consumer",
      entityId: user.id,
      at: now,
    });
    return {
      format: "houfu-personal-data",
      version: EXPORT_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      amountsIn: "fen (1/100 CNY)",
      profile: {
        id: user.id,
        name: user.name,
        email: user.email,
        createdAt: user.createdAt,
        closedAt: user.closedAt,
        credit: credit
          ? {
              score: credit.score,
              payLaterStatus: credit.payLaterStatus,
              suspendedReason: credit.suspendedReason,
              usedCreditFen: credit.usedCreditFen,
            }
          : null,
      },
      orders: orderRows.map((o) => ({
        ...o,
        lines: lines.filter((l) => l.orderId === o.id).map(({ productName, unitPriceFen, quantity }) => ({ productName, unitPriceFen, quantity })),
        history: events.filter((e) => e.orderId === o.id).map(({ orderId: _orderId, ...e }) => e),
      })),
      bills: billRows.map((b) => ({
        id: b.id,
        orderId: b.orderId,
        planCode: b.planCode,
        totalFen: b.totalFen,
        status: b.status,
        createdAt: b.createdAt,
        instalments: instalmentRows
          .filter((i) => i.billId === b.id)
          .map((i) => ({
            id: i.id,
            seq: i.seq,
            dueDate: i.dueDate,
            amountFen: i.amountFen,
            paidPrincipalFen: i.paidPrincipalFen,
            lateFeeFen: i.lateFeeFen,
            paidFeeFen: i.paidFeeFen,
            state: i.state,
            paidOn: i.paidOn,
          })),
      })),
      payments: paymentRows.map((p) => ({ ...p, allocations: allocations.filter((a) => a.paymentId === p.id).map(({ paymentId: _p, ...a }) => a) })),
      refunds: refundRows,
      creditEvents: creditRows,
      notifications: notificationRows,
      agreementAcceptances: acceptances,
    };
  });
}
