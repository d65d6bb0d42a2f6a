// What each domain refusal means to a tRPC caller: the domain names the failure, the adapter picks the code.
import { TRPCError } from "@trpc/server";
import type { DomainError, DomainErrorCode } from "@/server/domain/errors";

type TRPCCode = ConstructorParameters<typeof TRPCError>[0]["code"];

export const TRPC_CODE_OF: Record<DomainErrorCode, TRPCCode> = {
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
  INVALID_POLICY: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  IDEMPOTENCY_MISMATCH: "CONFLICT",
  // merchant area
  STORE_READ_ONLY: "FORBIDDEN",
  PAY_LATER_FORCED_OFF: "FORBIDDEN",
  INVALID_SETTINGS: "BAD_REQUEST",
  NOTHING_TO_REFUND: "CONFLICT",
  // admin
  NO_CHANGE: "CONFLICT",
  // checkout
  PRICE_CHANGED: "CONFLICT",
  // lists
  INVALID_CURSOR: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  // merchant API
  API_KEY_LIMIT: "CONFLICT",
  WEBHOOK_ENDPOINT_LIMIT: "CONFLICT",
  INVALID_WEBHOOK_URL: "BAD_REQUEST",
  WEBHOOK_ENDPOINT_DISABLED: "CONFLICT",
  NO_PUBLISHABLE_KEY: "UNAUTHORIZED",
};

/** The tRPC error for a domain refusal, keeping the domain error as its cause (the error formatter reads its code). */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });
}
