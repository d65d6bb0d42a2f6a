// Words for the merchant's screens: the order and instalment states are the consumer's words too.
export { INSTALMENT_STATUS_LABEL, ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL } from "@/lib/order-labels";

export const EVENT_LABEL = {
  placed: "Placed",
  paid: "Paid",
  shipped: "Shipped",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
} as const;
