// What both views of one order show (the consumer's own, and the store's): its lines, and its bill with each
// instalment's state today, its head and shipping. Each view adds its own parts (store; masked customer, history).
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { bills, instalments, orderLines, type orders, refunds } from "@/db/schema";
import { viewInstalment } from "@/server/domain/bills";
import { canAdvance, canCancel, canRefund, isPartlyRefunded, refundableFen, type OrderMoney } from "@/server/domain/order-state";
import { policyByVersion } from "@/server/services/policy/current-policy";

export async function orderLineViews(db: Db, orderId: number) {
  return (await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id))).map((l) => ({
    id: l.id,
    productName: l.productName,
    unitPriceFen: l.unitPriceFen,
    quantity: l.quantity,
    lineTotalFen: l.unitPriceFen * l.quantity,
  }));
}

/** The order's bill (pay later only) with its schedule as of `today` (viewInstalment, under the bill's own policy), or null. */
export async function billWithSchedule(db: Db, orderId: number, today: string) {
  const bill = await first(db.select().from(bills).where(eq(bills.orderId, orderId)));
  if (!bill) return null;
  const policy = (await policyByVersion(db, bill.policyVersion)).params;
  const schedule = (await db.select().from(instalments).where(eq(instalments.billId, bill.id)).orderBy(asc(instalments.seq))).map((i) =>
    viewInstalment(i, today, policy),
  );
  return { id: bill.id, planCode: bill.planCode, totalFen: bill.totalFen, status: bill.status, instalments: schedule };
}

/** The order's refunds, oldest first. */
export async function refundsOf(db: Db, orderId: number) {
  return db
    .select({ id: refunds.id, amountFen: refunds.amountFen, paidBackFen: refunds.paidBackFen, reason: refunds.reason, createdAt: refunds.createdAt })
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.id));
}

type OrderRow = typeof orders.$inferSelect;

/**
 * The head of one order as both views show it: number, status and money, what its status allows, when it was placed
 * (and until when an API authorization may be captured), and where it ships with the carrier's tracking.
 */
export function orderSummaryOf(order: OrderRow) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    planCode: order.planCode,
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
    ...orderStateOf(order),
    authorizedFen: order.authorizedFen,
    authorizedUntil: order.status === "authorized" ? order.authorizedUntil : null,
    createdAt: order.createdAt,
    shipping: {
      name: order.shippingName,
      phone: order.shippingPhone,
      address: order.shippingAddress,
      carrier: order.shippingCarrier,
      trackingNumber: order.trackingNumber,
    },
  };
}

/** What the order's status allows and says, from the one state machine (server/domain/order-state.ts). */
export function orderStateOf(order: OrderMoney) {
  return {
    canCancel: canCancel(order),
    canShip: canAdvance(order, "shipped"),
    canComplete: canAdvance(order, "completed"),
    canRefund: canRefund(order),
    refundableFen: refundableFen(order),
    partlyRefunded: isPartlyRefunded(order),
  };
}
