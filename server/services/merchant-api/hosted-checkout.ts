// The hosted payment page of a checkout session (/pay/{id}): what the shopper sees, and the confirmation that turns the
// session into the one `authorized` order it may ever have: credit reserved under the live credit check, no bill yet.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate } from "@/db/dialect";
import { first, row } from "@/db/query";
import { checkoutSessions, orderEvents, orderLines, orders, stores, users } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { localDate } from "@/server/calendar";
import type { Clock } from "@/server/clock";
import { assertOk, DomainError } from "@/server/domain/errors";
import { splitFen } from "@/server/domain/money";
import {
  authorizationDeadline,
  type CheckoutItem,
  checkSessionCancellable,
  checkSessionConfirmable,
  type SessionState,
  sessionState,
  successRedirect,
} from "@/server/domain/merchant-checkout";
import { availableCreditFen, creditLimitFen, findPlan, type PlanCode } from "@/server/domain/policy";
import { changeUsedCredit, lockCreditProfile } from "@/server/services/credit/ledger";
import { loadCreditState } from "@/server/services/credit/credit-state";
import { payLaterVerdict } from "@/server/services/orders/pay-later-verdict";
import { uniqueOrderNumber } from "@/server/services/orders/place-order";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { recordEvent } from "@/server/services/webhooks/record-event";
import { getApiOrder } from "./api-orders";

async function sessionWithStore(db: Db, sessionId: string) {
  const found = await first(
    db
      .select({ session: checkoutSessions, storeName: stores.name })
      .from(checkoutSessions)
      .innerJoin(stores, eq(stores.id, checkoutSessions.storeId))
      .where(eq(checkoutSessions.id, sessionId)),
  );
  if (!found) throw new DomainError("NOT_FOUND", "No such payment page.");
  return found;
}

/** The order a completed session made, when the viewer is the shopper who confirmed it. */
async function ownOrderOf(db: Db, orderId: number | null, consumerId: number | null) {
  if (orderId === null || consumerId === null) return null;
  const order = await first(
    db.select({ id: orders.id, number: orders.number, consumerId: orders.consumerId }).from(orders).where(eq(orders.id, orderId)),
  );
  return order && order.consumerId === consumerId ? order : null;
}

/**
 * What the hosted page shows: the store, the items and amount, the session's state; and for a signed-in consumer the
 * live credit check (the same verdict and reasons checkout gives) and each plan's instalments.
 */
export async function hostedCheckoutView(db: Db, clock: Clock, input: { sessionId: string; consumerId: number | null }) {
  const now = clock.now();
  const { session, storeName } = await sessionWithStore(db, input.sessionId);
  const state = sessionState(session, now);
  const own = state === "completed" ? await ownOrderOf(db, session.orderId, input.consumerId) : null;
  const base = {
    sessionId: session.id,
    storeName,
    amountFen: session.amountFen,
    items: session.items as CheckoutItem[],
    merchantReference: session.merchantReference,
    state,
    expiresAt: session.expiresAt,
    cancelUrl: session.cancelUrl,
    // Only the shopper who confirmed learns where to go on; anyone else sees that the page was used.
    order: own ? { id: own.id, number: own.number, redirectUrl: successRedirect(session.successUrl, session.id, own.id) } : null,
  };
  if (input.consumerId === null || state !== "open") return { ...base, credit: null };
  const today = localDate(now);
  const policy = await currentPolicy(db);
  const credit = await loadCreditState(db, input.consumerId, today);
  const verdict = await payLaterVerdict(db, {
    consumerId: input.consumerId,
    storeId: session.storeId,
    totalFen: session.amountFen,
    today,
    policy: policy.params,
  });
  const plans = policy.params.plans
    .filter((plan) => plan.enabled)
    .map((plan) => ({
      code: plan.code,
      label: plan.label,
      intervalDays: plan.intervalDays,
      instalmentsFen: splitFen(session.amountFen, plan.instalments),
    }));
  return {
    ...base,
    credit: {
      payLater: verdict,
      availableCreditFen: availableCreditFen(creditLimitFen(credit.score, policy.params), credit.usedCreditFen),
      plans,
      authorizationWindowDays: policy.params.authorizationWindowDays,
    },
  };
}

export type Authorization = { orderId: number; number: string; redirectUrl: string; replayed: boolean };

/**
 * The shopper confirms: in one transaction the session is locked, checked open, the consumer's credit checked as
 * checkout checks it, and the order written `authorized` with its amount reserved against the limit. A second
 * confirmation, even a concurrent one, finds the session completed: the same shopper gets the same order back,
 * anyone else CHECKOUT_SESSION_USED.
 */
export async function confirmCheckoutSession(
  db: Db,
  clock: Clock,
  input: { sessionId: string; consumerId: number; planCode: PlanCode },
): Promise<Authorization> {
  return withTransaction(
    db,
    async (tx) => {
      const locked = await row<{ id: string }>(tx, sql`SELECT id FROM checkout_sessions WHERE id = ${input.sessionId}${forUpdate()}`);
      if (!locked) throw new DomainError("NOT_FOUND", "No such payment page.");
      const session = (await first(tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, input.sessionId))))!;
      const now = clock.now();
      if (session.status === "completed") {
        const own = await ownOrderOf(tx, session.orderId, input.consumerId);
        if (own) return { orderId: own.id, number: own.number, redirectUrl: successRedirect(session.successUrl, session.id, own.id), replayed: true };
      }
      assertOk(checkSessionConfirmable(session, now));

      await lockCreditProfile(tx, input.consumerId);
      const today = localDate(now);
      const policy = await currentPolicy(tx);
      const plan = findPlan(policy.params, input.planCode);
      if (!plan) throw new DomainError("PLAN_UNAVAILABLE", "That plan is not offered right now. Choose another.");
      assertOk(
        await payLaterVerdict(tx, {
          consumerId: input.consumerId,
          storeId: session.storeId,
          totalFen: session.amountFen,
          today,
          policy: policy.params,
        }),
      );

      const shopper = (await first(tx.select({ name: users.name }).from(users).where(eq(users.id, input.consumerId))))!;
      const number = await uniqueOrderNumber(tx, today);
      const [order] = await tx
        .insert(orders)
        .values({
          number,
          consumerId: input.consumerId,
          storeId: session.storeId,
          status: "authorized",
          paymentMethod: "pay_later",
          planCode: plan.code,
          totalFen: session.amountFen,
          // The shop ships from its own checkout, which holds the address.
          shippingName: shopper.name,
          shippingPhone: "",
          shippingAddress: "",
          policyVersion: policy.version,
          idempotencyKey: `checkout-session:${session.id}`,
          authorizedFen: session.amountFen,
          authorizedUntil: authorizationDeadline(now, policy.params.authorizationWindowDays),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: orders.id });
      await tx.insert(orderLines).values(
        (session.items as CheckoutItem[]).map((item) => ({
          orderId: order!.id,
          productId: null,
          productName: item.name,
          unitPriceFen: item.unitPriceFen,
          quantity: item.quantity,
        })),
      );
      await tx
        .insert(orderEvents)
        .values({ orderId: order!.id, type: "authorized", actorUserId: input.consumerId, amountFen: session.amountFen, createdAt: now });
      await changeUsedCredit(tx, input.consumerId, session.amountFen, now);
      await tx.update(checkoutSessions).set({ status: "completed", orderId: order!.id, completedAt: now }).where(eq(checkoutSessions.id, session.id));
      await recordEvent(tx, {
        merchantId: session.storeId,
        type: "order.authorized",
        data: () => getApiOrder(tx, { storeId: session.storeId, orderId: order!.id }),
        at: now,
      });
      return { orderId: order!.id, number, redirectUrl: successRedirect(session.successUrl, session.id, order!.id), replayed: false };
    },
    { isolation: "read committed" },
  );
}

/**
 * The hosted page's Cancel: an open session is closed for good (the API reads it `cancelled`, a reopened page says
 * so), and the shopper is sent to its cancelUrl. Anyone holding the page may cancel it while nothing was confirmed;
 * a confirmed session is refused (CHECKOUT_SESSION_USED: the order stands until the shop voids it), so Cancel can
 * never undo someone's order. A cancelled or expired session is left as it is: pressing Cancel again is harmless.
 */
export async function cancelCheckoutSession(db: Db, clock: Clock, input: { sessionId: string }): Promise<{ state: SessionState; cancelUrl: string }> {
  return withTransaction(db, async (tx) => {
    // Locked as confirmCheckoutSession locks it, so a confirmation and a cancel of the same session take turns.
    const locked = await row<{ id: string }>(tx, sql`SELECT id FROM checkout_sessions WHERE id = ${input.sessionId}${forUpdate()}`);
    if (!locked) throw new DomainError("NOT_FOUND", "No such payment page.");
    const session = (await first(tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, input.sessionId))))!;
    const now = clock.now();
    assertOk(checkSessionCancellable(session, now));
    const state = sessionState(session, now);
    if (state === "open") await tx.update(checkoutSessions).set({ status: "cancelled", cancelledAt: now }).where(eq(checkoutSessions.id, session.id));
    return { state: state === "open" ? "cancelled" : state, cancelUrl: session.cancelUrl };
  });
}
