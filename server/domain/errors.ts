// Domain failures carry a stable code (the UI translates it) and a sentence a person understands.
export const DOMAIN_ERROR_CODES = {
  // eligibility and credit
  STORE_INACTIVE: "CONFLICT",
  STORE_NO_PAY_LATER: "PRECONDITION_FAILED",
  BELOW_STORE_MINIMUM: "PRECONDITION_FAILED",
  ABOVE_STORE_MAXIMUM: "PRECONDITION_FAILED",
  PAY_LATER_NOT_ENABLED: "PRECONDITION_FAILED",
  PAY_LATER_SUSPENDED: "PRECONDITION_FAILED",
  SCORE_BELOW_THRESHOLD: "PRECONDITION_FAILED",
  HAS_OVERDUE: "PRECONDITION_FAILED",
  INSUFFICIENT_CREDIT: "PRECONDITION_FAILED",
  ALREADY_ENABLED: "CONFLICT",
  AGREEMENT_NOT_ACCEPTED: "BAD_REQUEST",
  AGREEMENT_OUTDATED: "CONFLICT",
  BALANCE_OWED: "PRECONDITION_FAILED",
  NOT_ENABLED: "CONFLICT",
  // shopping
  OUT_OF_STOCK: "CONFLICT",
  PRODUCT_UNAVAILABLE: "CONFLICT",
  CART_EMPTY: "BAD_REQUEST",
  CART_OTHER_STORE: "CONFLICT",
  PLAN_UNAVAILABLE: "BAD_REQUEST",
  PAYMENT_DECLINED: "PAYMENT_REQUIRED",
  INVALID_TRANSITION: "CONFLICT",
  // repayment
  OVERPAYMENT: "BAD_REQUEST",
  NOTHING_OWED: "CONFLICT",
  REFUND_TOO_LARGE: "BAD_REQUEST",
  // accounts and policy
  EMAIL_TAKEN: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INVALID_POLICY: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  IDEMPOTENCY_MISMATCH: "CONFLICT",
  // merchant area
  PAY_LATER_FORCED_OFF: "FORBIDDEN",
  INVALID_SETTINGS: "BAD_REQUEST",
  NOTHING_TO_REFUND: "CONFLICT",
  // admin
  NO_CHANGE: "CONFLICT",
  // checkout
  PRICE_CHANGED: "CONFLICT",
  // lists
  INVALID_CURSOR: "BAD_REQUEST",
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

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
