// Words for order and instalment states in English (the merchant's screens import them). Pages that speak the
// request's language use the namespaces orderStatus, paymentMethod, plan and instalmentStatus in messages/*/consumer.json,
// whose English equals these.
import type { OrderStatus, PaymentMethod } from "@/db/schema";
import type { InstalmentStatus } from "@/server/domain/instalments";

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  placed: "Placed",
  shipped: "Shipped",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  authorized: "Authorized, awaiting capture",
  expired: "Expired",
};

export const PAYMENT_METHOD_LABEL: Record<PaymentMethod, string> = { pay_now: "Pay now", pay_later: "Pay later" };

export const PLAN_LABEL: Record<string, string> = { pay_in_30: "Pay in 30 days", pay_in_3: "Pay in 3" };

export const INSTALMENT_STATUS_LABEL: Record<InstalmentStatus, string> = {
  upcoming: "Upcoming",
  due_soon: "Due soon",
  in_grace: "In grace",
  overdue: "Overdue",
  paid: "Paid",
  void: "Void",
};

export const INSTALMENT_STATUS_TONE: Record<InstalmentStatus, string> = {
  upcoming: "bg-slate-100 text-slate-700",
  due_soon: "bg-amber-100 text-amber-900",
  in_grace: "bg-orange-100 text-orange-900",
  overdue: "bg-red-100 text-red-800",
  paid: "bg-emerald-100 text-emerald-800",
  void: "bg-slate-100 text-slate-500 line-through",
};
