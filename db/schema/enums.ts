// The value sets of the schema's text columns, shared by both engines' schemas and by the code above them.
export const ROLES = ["consumer", "merchant", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PAY_LATER_STATUSES = ["not_enabled", "enabled", "suspended"] as const;
export type PayLaterStatus = (typeof PAY_LATER_STATUSES)[number];
export const SUSPENDED_REASONS = ["overdue", "admin"] as const;

export const SUPPORT_TOPICS = ["due_dates", "fees", "suspension", "refunds", "other"] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];
export const SUPPORT_STATUSES = ["open", "answered"] as const;

export const CREDIT_EVENT_REASONS = ["signup", "on_time_payment", "overdue", "overdue_30", "admin_adjustment", "seed", "due_date_extended"] as const;

// `authorized` (a merchant API checkout: credit reserved, no bill) becomes `placed` at capture, or `cancelled`/`expired`.
export const ORDER_STATUSES = ["placed", "shipped", "completed", "cancelled", "refunded", "authorized", "expired"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_METHODS = ["pay_now", "pay_later"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const ORDER_EVENT_TYPES = [
  "placed",
  "paid",
  "shipped",
  "completed",
  "cancelled",
  "refunded",
  "authorized",
  "captured",
  "expired",
  "due_date_extended",
] as const;

// A merchant API checkout session: `open` until confirmed (`completed`) or closed by the shopper's Cancel on the
// hosted page (`cancelled`); an open one past its expiresAt reads as expired.
export const CHECKOUT_SESSION_STATUSES = ["open", "completed", "cancelled"] as const;

export const BILL_STATUSES = ["open", "paid", "void"] as const;
// Stored state is only open / paid / void; upcoming, due soon and overdue are derived
// from the due date, the grace period and the clock (server/domain/instalments.ts).
export const INSTALMENT_STATES = ["open", "paid", "void"] as const;

// extension_fee: the fee of a due-date extension, paid by card when the extension is made; no allocation.
export const PAYMENT_KINDS = ["order", "repayment", "refund", "extension_fee"] as const;
export const OUTBOX_CHANNELS = ["email"] as const;
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

// Autopay: one charge attempt per instalment and attempt number, `pending` from its claim until the
// provider answered; `cancelled` when by then there was nothing left to charge (paid by hand, autopay turned off).
export const AUTOPAY_CHARGE_STATUSES = ["pending", "charged", "declined", "cancelled"] as const;
export type AutopayChargeStatus = (typeof AUTOPAY_CHARGE_STATUSES)[number];
