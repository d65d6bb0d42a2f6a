// Problem details (RFC 9457) for every refusal of the merchant API, and what each domain code means over HTTP.
import type { DomainErrorCode } from "@/server/domain/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The API's own codes, beside the domain's (server/domain/errors.ts). */
export type ApiProblemCode =
  | "UNAUTHENTICATED"
  | "RATE_LIMITED"
  | "INVALID_REQUEST"
  | "INVALID_JSON"
  | "IDEMPOTENCY_KEY_REQUIRED"
  | "IDEMPOTENCY_KEY_REUSED"
  | "IDEMPOTENCY_IN_PROGRESS"
  | "NOT_FOUND"
  | "INTERNAL";

export const HTTP_STATUS_OF_DOMAIN: Record<DomainErrorCode, number> = {
  STORE_INACTIVE: 409,
  STORE_READ_ONLY: 403,
  STORE_NO_PAY_LATER: 422,
  BELOW_STORE_MINIMUM: 422,
  ABOVE_STORE_MAXIMUM: 422,
  PAY_LATER_NOT_ENABLED: 422,
  PAY_LATER_SUSPENDED: 422,
  SCORE_BELOW_THRESHOLD: 422,
  HAS_OVERDUE: 422,
  INSUFFICIENT_CREDIT: 422,
  ALREADY_ENABLED: 409,
  AGREEMENT_NOT_ACCEPTED: 422,
  AGREEMENT_OUTDATED: 409,
  BALANCE_OWED: 422,
  NOT_ENABLED: 409,
  OUT_OF_STOCK: 409,
  PRODUCT_UNAVAILABLE: 409,
  CART_EMPTY: 400,
  CART_OTHER_STORE: 409,
  PLAN_UNAVAILABLE: 422,
  PAYMENT_DECLINED: 402,
  INVALID_TRANSITION: 409,
  OVERPAYMENT: 422,
  NOTHING_OWED: 409,
  REFUND_TOO_LARGE: 422,
  EMAIL_TAKEN: 409,
  RATE_LIMITED: 429,
  INVALID_POLICY: 400,
  NOT_FOUND: 404,
  IDEMPOTENCY_MISMATCH: 422,
  PAY_LATER_FORCED_OFF: 403,
  INVALID_SETTINGS: 400,
  NOTHING_TO_REFUND: 409,
  NO_CHANGE: 409,
  PRICE_CHANGED: 409,
  INVALID_CURSOR: 400,
  API_KEY_LIMIT: 409,
  WEBHOOK_ENDPOINT_LIMIT: 409,
  INVALID_WEBHOOK_URL: 400,
  WEBHOOK_ENDPOINT_DISABLED: 409,
  NO_PUBLISHABLE_KEY: 401,
  CHECKOUT_SESSION_EXPIRED: 409,
  CHECKOUT_SESSION_USED: 409,
  CHECKOUT_SESSION_CANCELLED: 409,
  AUTHORIZATION_EXPIRED: 409,
  CAPTURE_TOO_LARGE: 422,
  // autopay and due-date extensions
  NO_SAVED_CARD: 409,
  EXTENSION_USED: 409,
  EXTENSION_NOT_ALLOWED: 409,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  402: "Payment required",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: { path: string; message: string }[];
};

export function problemOf(status: number, code: ApiProblemCode | DomainErrorCode, detail?: string, errors?: Problem["errors"]): Problem {
  return {
    type: `/api/v1/reference#problem-${code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    code,
    ...(errors ? { errors } : {}),
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers } });
}
