// The order's state machine: which step each status allows, what can still be refunded, and what a refund
// leaves behind. Services refuse by these, procedures expose them, pages show buttons by them.

/** The stored statuses (db/schema/enums.ts ORDER_STATUSES; tests/architecture.test.ts keeps both equal). */
// A merchant API order starts `authorized` (credit reserved, no bill) and becomes `placed` at capture, or
// `cancelled` (voided) or `expired` (not captured in time): server/domain/merchant-checkout.ts says when.
export type OrderStatus = "placed" | "shipped" | "completed" | "cancelled" | "refunded" | "authorized" | "expired";

/** `capturedAt` is set on a merchant API order once captured: the shop captures on shipment. */
export type OrderMoney = { status: OrderStatus; totalFen: number; refundedFen: number; capturedAt?: Date | null };

/** A captured API order stays `placed` but has left the shop: it is refunded, never cancelled. */
const capturedOnShipment = (order: Pick<OrderMoney, "status" | "capturedAt">) => order.status === "placed" && !!order.capturedAt;

// The merchant's forward steps: placed → shipped → completed; the status each step starts from.
export const FORWARD_STEPS = { shipped: "placed", completed: "shipped" } as const satisfies Partial<Record<OrderStatus, OrderStatus>>;
export type ForwardStep = keyof typeof FORWARD_STEPS;

/** Whether the order may move on to `to` (ship a placed order, complete a shipped one, partly refunded or not). */
export function canAdvance(order: Pick<OrderMoney, "status">, to: ForwardStep): boolean {
  return order.status === FORWARD_STEPS[to];
}

/** Only an order that has not shipped can be cancelled (by the consumer or the store). */
export function canCancel(order: Pick<OrderMoney, "status" | "capturedAt">): boolean {
  return order.status === "placed" && !capturedOnShipment(order);
}

/**
 * What can still be refunded: the total less earlier refunds, on a shipped or completed order, or an API order the
 * shop captured (on shipment). ("refunded" is included for orders a partial refund marked refunded before partial
 * refunds kept the fulfilment status.)
 */
export function refundableFen(order: OrderMoney): number {
  const shipped = order.status === "shipped" || order.status === "completed" || order.status === "refunded" || capturedOnShipment(order);
  if (!shipped) return 0;
  return Math.max(0, order.totalFen - order.refundedFen);
}

export function canRefund(order: OrderMoney): boolean {
  return refundableFen(order) > 0;
}

/** Some, not all, of the order refunded: it keeps its fulfilment status and says so beside it. */
export function isPartlyRefunded(order: OrderMoney): boolean {
  return order.refundedFen > 0 && order.refundedFen < order.totalFen && order.status !== "cancelled";
}

/** The status after refunding `amountFen` more: refunded only once refunded in full. */
export function statusAfterRefund(order: OrderMoney, amountFen: number): OrderStatus {
  return order.refundedFen + amountFen >= order.totalFen ? "refunded" : order.status;
}
