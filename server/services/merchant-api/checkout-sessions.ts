// Merchant API checkout sessions: the shop creates one, anyone holding its unguessable id may view the hosted page,
// and the shop reads it back by id within its own store.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { checkoutSessions } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { checkStoreOffersPayLater } from "@/server/domain/eligibility";
import { assertOk, DomainError } from "@/server/domain/errors";
import { CHECKOUT_SESSION_TTL_MS, type CheckoutItem, sessionState } from "@/server/domain/merchant-checkout";
import { storeTermsOf } from "@/server/services/catalog/store-terms";

export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;

export type NewCheckoutSession = {
  storeId: number;
  amountFen: number;
  merchantReference: string;
  items: CheckoutItem[];
  successUrl: string;
  cancelUrl: string;
};

/** `cs_` and 24 URL-safe characters (144 random bits): the id is the only key to the hosted page. */
const newSessionId = () => `cs_${randomBytes(18).toString("base64url")}`;

/** The hosted page's path for a session; the API answers it as an absolute URL on the origin it was called at. */
export const hostedPagePath = (sessionId: string) => `/pay/${sessionId}`;

export function checkoutSessionView(session: CheckoutSessionRow, now: Date, origin: string) {
  return {
    id: session.id,
    object: "checkout_session" as const,
    url: `${origin}${hostedPagePath(session.id)}`,
    status: sessionState(session, now),
    amountFen: session.amountFen,
    currency: "CNY" as const,
    merchantReference: session.merchantReference,
    items: session.items as CheckoutItem[],
    successUrl: session.successUrl,
    cancelUrl: session.cancelUrl,
    orderId: session.orderId,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}

/** Creates a session open for CHECKOUT_SESSION_TTL_MS, refused as checkout would refuse the store (pay later off, outside min/max). */
export async function createCheckoutSession(db: Db, clock: Clock, input: NewCheckoutSession): Promise<CheckoutSessionRow> {
  return withTransaction(db, async (tx) => {
    const store = await storeTermsOf(tx, input.storeId);
    if (!store) throw new DomainError("NOT_FOUND", "No such store.");
    assertOk(checkStoreOffersPayLater(store, input.amountFen));
    const now = clock.now();
    const [session] = await tx
      .insert(checkoutSessions)
      .values({
        id: newSessionId(),
        storeId: input.storeId,
        amountFen: input.amountFen,
        merchantReference: input.merchantReference,
        items: input.items,
        successUrl: input.successUrl,
        cancelUrl: input.cancelUrl,
        status: "open",
        createdAt: now,
        expiresAt: new Date(now.getTime() + CHECKOUT_SESSION_TTL_MS),
      })
      .returning();
    return session!;
  });
}

/** One of the store's sessions; another store's (or no) session is NOT_FOUND. */
export async function getStoreCheckoutSession(db: Db, input: { storeId: number; sessionId: string }): Promise<CheckoutSessionRow> {
  const session = await first(
    db
      .select()
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.id, input.sessionId), eq(checkoutSessions.storeId, input.storeId))),
  );
  if (!session) throw new DomainError("NOT_FOUND", "No such checkout session in your store.");
  return session;
}
