// Words for the merchant's screens, in one place.
import type { OrderStatus, PaymentMethod } from "@/db/schema";
import type { InstalmentStatus } from "@/server/domain/instalments";

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  placed: "Placed",
  shipped: "Shipped",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

export const PAYMENT_METHOD_LABEL: Record<PaymentMethod, string> = { pay_now: "Pay now", pay_later: "Pay later" };

export const INSTALMENT_STATUS_LABEL: Record<InstalmentStatus, string> = {
  upcoming: "Upcoming",
  due_soon: "Due soon",
  overdue: "Overdue",
  paid: "Paid",
  void: "Void",
};

export const EVENT_LABEL = {
  placed: "Placed",
  paid: "Paid",
  shipped: "Shipped",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
} as const;
