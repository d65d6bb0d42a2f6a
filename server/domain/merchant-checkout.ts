// Merchant API checkouts: a session the shop creates, the authorization the shopper's confirmation makes, and what a
// capture or a void may do with it. Pure rules; the services in server/services/merchant-api apply them.
import { formatFen } from "./money";
import { ok, refuse, type Verdict } from "./errors";

/** A checkout session can be confirmed for this long after the shop created it. */
export const CHECKOUT_SESSION_TTL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type CheckoutItem = { name: string; quantity: number; unitPriceFen: number };
export type SessionState = "open" | "completed" | "cancelled" | "expired";
type StoredSession = { status: "open" | "completed" | "cancelled"; expiresAt: Date };

export function itemsTotalFen(items: readonly CheckoutItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPriceFen, 0);
}

/** A completed or cancelled session stays so; an open one reads as expired from its expiresAt on (no job needed). */
export function sessionState(session: StoredSession, now: Date): SessionState {
  if (session.status !== "open") return session.status;
  return now.getTime() >= session.expiresAt.getTime() ? "expired" : "open";
}

/** Whether a shopper may confirm this session now. */
export function checkSessionConfirmable(session: StoredSession, now: Date): Verdict {
  const state = sessionState(session, now);
  if (state === "completed") return refuse("CHECKOUT_SESSION_USED", "This payment page was already used: its order has been created.");
  if (state === "cancelled") return refuse("CHECKOUT_SESSION_CANCELLED", "This payment page was cancelled. Go back to the shop and check out again.");
  if (state === "expired") return refuse("CHECKOUT_SESSION_EXPIRED", "This payment page has expired. Go back to the shop and check out again.");
  return ok;
}

/**
 * Whether the hosted page's Cancel may close this session. Whoever holds the page may, while nothing was confirmed:
 * the id is the page's only key, for viewing as for cancelling. Once confirmed, the order exists and only the shop
 * may void it (through the API), so Cancel is refused. Cancelling a cancelled or expired session changes nothing.
 */
export function checkSessionCancellable(session: StoredSession, now: Date): Verdict {
  if (sessionState(session, now) === "completed")
    return refuse("CHECKOUT_SESSION_USED", "This payment page was already used: its order has been created, so it can no longer be cancelled here.");
  return ok;
}

/** The last instant an authorization made at `at` may be captured (exclusive): the policy's window later. */
export function authorizationDeadline(at: Date, windowDays: number): Date {
  return new Date(at.getTime() + windowDays * DAY_MS);
}

type Authorization = { number: string; status: string; authorizedFen: number | null; authorizedUntil: Date | null };

function checkUncaptured(order: Authorization, now: Date, verb: string): Verdict {
  if (order.status !== "authorized" || order.authorizedFen === null || order.authorizedUntil === null)
    return refuse("INVALID_TRANSITION", `Order ${order.number} is ${order.status}, not awaiting capture, so it cannot be ${verb}.`);
  if (now.getTime() >= order.authorizedUntil.getTime())
    return refuse("AUTHORIZATION_EXPIRED", `The authorization of order ${order.number} has expired and its credit was released.`);
  return ok;
}

/** A capture takes 1 fen up to the amount authorized, before the deadline. */
export function checkCapture(order: Authorization, amountFen: number, now: Date): Verdict {
  const uncaptured = checkUncaptured(order, now, "captured");
  if (!uncaptured.ok) return uncaptured;
  if (amountFen > order.authorizedFen!)
    return refuse("CAPTURE_TOO_LARGE", `At most the authorized ${formatFen(order.authorizedFen!)} can be captured, not ${formatFen(amountFen)}.`);
  return ok;
}

/** A void (cancel) of an authorization that was not captured; an expired one has already released its credit. */
export function checkVoid(order: Authorization, now: Date): Verdict {
  return checkUncaptured(order, now, "cancelled");
}

/** Only http(s) addresses: a shop's successUrl / cancelUrl is where the shopper's browser goes next. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** successUrl with the session and order ids added as query parameters (any the shop put there are kept). */
export function successRedirect(successUrl: string, sessionId: string, orderId: number): string {
  const url = new URL(successUrl);
  url.searchParams.set("session_id", sessionId);
  url.searchParams.set("order_id", String(orderId));
  return url.toString();
}
