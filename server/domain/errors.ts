// Domain failures carry a stable code (the UI translates it) and a sentence a person understands.
// What each code means to a transport (tRPC, HTTP) is decided by the API adapter: server/api/domain-errors.ts.
export const DOMAIN_ERROR_CODES = [
  // eligibility and credit
  "STORE_INACTIVE",
  "STORE_NO_PAY_LATER",
  "BELOW_STORE_MINIMUM",
  "ABOVE_STORE_MAXIMUM",
  "PAY_LATER_NOT_ENABLED",
  "PAY_LATER_SUSPENDED",
  "SCORE_BELOW_THRESHOLD",
  "HAS_OVERDUE",
  "INSUFFICIENT_CREDIT",
  "ALREADY_ENABLED",
  "AGREEMENT_NOT_ACCEPTED",
  "AGREEMENT_OUTDATED",
  "BALANCE_OWED",
  "NOT_ENABLED",
  // shopping
  "OUT_OF_STOCK",
  "PRODUCT_UNAVAILABLE",
  "CART_EMPTY",
  "CART_OTHER_STORE",
  "PLAN_UNAVAILABLE",
  "PAYMENT_DECLINED",
  "INVALID_TRANSITION",
  // repayment
  "OVERPAYMENT",
  "NOTHING_OWED",
  "REFUND_TOO_LARGE",
  // accounts and policy
  "EMAIL_TAKEN",
  "RATE_LIMITED",
  "INVALID_POLICY",
  "NOT_FOUND",
  "IDEMPOTENCY_MISMATCH",
  // merchant area
  "PAY_LATER_FORCED_OFF",
  "INVALID_SETTINGS",
  "NOTHING_TO_REFUND",
  "STORE_READ_ONLY",
  // admin
  "NO_CHANGE",
  // checkout
  "PRICE_CHANGED",
  // lists
  "INVALID_CURSOR",
  // merchant API
  "API_KEY_LIMIT",
  "WEBHOOK_ENDPOINT_LIMIT",
  "INVALID_WEBHOOK_URL",
  "WEBHOOK_ENDPOINT_DISABLED",
  "NO_PUBLISHABLE_KEY",
  "CHECKOUT_SESSION_EXPIRED",
  "CHECKOUT_SESSION_USED",
  "CHECKOUT_SESSION_CANCELLED",
  "AUTHORIZATION_EXPIRED",
  "CAPTURE_TOO_LARGE",
  // autopay and due-date extensions
  "NO_SAVED_CARD",
  "EXTENSION_USED",
  "EXTENSION_NOT_ALLOWED",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A refusal that the domain reports as a value rather than an exception. */
export type Refusal = { ok: false; code: DomainErrorCode; message: string };
export type Verdict = { ok: true } | Refusal;

export const refuse = (code: DomainErrorCode, message: string): Refusal => ({ ok: false, code, message });
export const ok: Verdict = { ok: true };

export function assertOk(verdict: Verdict): void {
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
}

/** What the owner of a store Houfu deactivated is told when they try to change something (pages and API alike). */
export const storeReadOnly = () =>
  new DomainError(
    "STORE_READ_ONLY",
    "Your store has been deactivated by Houfu: you can still see your orders and receivables, but not change anything. Contact Houfu support to reactivate it.",
  );
