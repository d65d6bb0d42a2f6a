// Every operation of the merchant API. The route files under app/api/v1 serve these, and the OpenAPI document
// lists them: an operation that is not here does not exist.
import { z } from "zod";
import { getApiOrder, listApiOrders } from "@/server/services/merchant-api/api-orders";
import { captureOrder, voidAuthorization } from "@/server/services/merchant-api/authorizations";
import { checkoutSessionView, createCheckoutSession, getStoreCheckoutSession } from "@/server/services/merchant-api/checkout-sessions";
import { refundOrder } from "@/server/services/orders/refund-order";
import { defineEndpoint, type EndpointDoc } from "./endpoint";
import {
  cancelOrderBody,
  captureOrderBody,
  checkoutSession,
  checkoutSessionIdParam,
  createCheckoutSession as createCheckoutSessionBody,
  createRefund,
  listOrdersQuery,
  messaging,
  messagingQuery,
  order,
  orderIdParam,
  orderList,
  refund,
} from "./schemas";

const orderParams = z.object({ id: orderIdParam });

export const getOrder = defineEndpoint({
  method: "GET",
  path: "/orders/{id}",
  operationId: "getOrder",
  summary: "Retrieve an order",
  params: orderParams,
  responses: { 200: { description: "The order.", schema: order }, 404: { description: "No such order in your store." } },
  handle: async ({ db, caller, params }) => ({ status: 200, body: await getApiOrder(db, { storeId: caller.storeId, orderId: params.id }) }),
});

export const listOrders = defineEndpoint({
  method: "GET",
  path: "/orders",
  operationId: "listOrders",
  summary: "List orders, newest first",
  description: "Keyset pagination: pass the previous page's nextStartingAfter as startingAfter.",
  query: listOrdersQuery,
  responses: { 200: { description: "A page of orders.", schema: orderList } },
  handle: async ({ db, caller, query }) => ({
    status: 200,
    body: await listApiOrders(db, { storeId: caller.storeId, limit: query.limit, startingAfter: query.startingAfter }),
  }),
});

export const createOrderRefund = defineEndpoint({
  method: "POST",
  path: "/orders/{id}/refunds",
  operationId: "createRefund",
  summary: "Refund part or all of a captured, shipped or completed order",
  description: "A pay-later bill is reduced from its last instalment backwards; whatever the consumer had already paid beyond that is paid back.",
  params: orderParams,
  body: createRefund,
  responses: {
    201: { description: "The refund.", schema: refund },
    404: { description: "No such order in your store." },
    409: { description: "The order cannot be refunded now (INVALID_TRANSITION, NOTHING_TO_REFUND)." },
    422: { description: "More than the refundable amount (REFUND_TOO_LARGE)." },
  },
  handle: async ({ db, clock, caller, params, body, idempotencyKey }) => {
    const result = await refundOrder(db, clock, {
      orderId: params.id,
      storeId: caller.storeId,
      amountFen: body.amountFen,
      reason: body.reason,
      idempotencyKey: `api:${idempotencyKey}`,
      actor: { userId: caller.ownerUserId, role: "merchant" },
    });
    return {
      status: 201,
      body: {
        id: result.refundId,
        object: "refund",
        orderId: result.orderId,
        amountFen: result.amountFen,
        reducedBillFen: result.reducedBillFen,
        paidBackFen: result.paidBackFen,
        currency: "CNY",
      },
    };
  },
});

/** Served by app/api/v1/messaging/route.ts (a publishable key, CORS open): documented here with the others. */
export const getMessaging: EndpointDoc = {
  method: "GET",
  auth: "publishable",
  path: "/messaging",
  operationId: "getMessaging",
  summary: "The pay-later sentence for an amount, for your product pages",
  description:
    "Authenticated by your store's publishable key (hk_pub_…, from Developers; safe to put in a web page) as ?key= or Authorization: Bearer. Open to any origin (CORS). The embeddable script /api/v1/messaging.js renders it into elements with data-houfu-messaging and data-amount-fen.",
  query: messagingQuery,
  responses: {
    200: {
      description: "The sentence and its figures; eligible is false (and the sentence empty) when there is nothing to offer.",
      schema: messaging,
    },
  },
};

export const createSession = defineEndpoint({
  method: "POST",
  path: "/checkout-sessions",
  operationId: "createCheckoutSession",
  summary: "Start a pay-later checkout",
  description:
    "Send the shopper to the session's url: they sign in to Houfu, see your items and their plans, and confirm. The order is then authorized (credit reserved, no bill yet) and the shopper is sent to successUrl with session_id and order_id. The session can be confirmed for one hour (expiresAt), once.",
  body: createCheckoutSessionBody,
  responses: {
    201: { description: "The session.", schema: checkoutSession },
    409: { description: "Your store is not taking orders (STORE_INACTIVE)." },
    422: {
      description:
        "Pay later is off for your store, or the amount is outside its minimum or maximum (STORE_NO_PAY_LATER, BELOW_STORE_MINIMUM, ABOVE_STORE_MAXIMUM).",
    },
  },
  handle: async ({ db, clock, caller, body, origin }) => {
    const session = await createCheckoutSession(db, clock, { storeId: caller.storeId, ...body });
    return { status: 201, body: checkoutSessionView(session, clock.now(), origin) };
  },
});

export const getSession = defineEndpoint({
  method: "GET",
  path: "/checkout-sessions/{id}",
  operationId: "getCheckoutSession",
  summary: "Retrieve a checkout session",
  params: z.object({ id: checkoutSessionIdParam }),
  responses: { 200: { description: "The session.", schema: checkoutSession }, 404: { description: "No such session in your store." } },
  handle: async ({ db, clock, caller, params, origin }) => ({
    status: 200,
    body: checkoutSessionView(await getStoreCheckoutSession(db, { storeId: caller.storeId, sessionId: params.id }), clock.now(), origin),
  }),
});

export const captureOrderEndpoint = defineEndpoint({
  method: "POST",
  path: "/orders/{id}/capture",
  operationId: "captureOrder",
  summary: "Capture an authorized order (all or part)",
  description:
    "Typically when you ship. The bill and its instalments start now, due dates counted from today; whatever is not captured is released to the shopper's credit. The order becomes placed.",
  params: orderParams,
  body: captureOrderBody,
  responses: {
    200: { description: "The captured order.", schema: order },
    404: { description: "No such order in your store." },
    409: { description: "The order is not awaiting capture, or its authorization expired (INVALID_TRANSITION, AUTHORIZATION_EXPIRED)." },
    422: { description: "More than the amount authorized (CAPTURE_TOO_LARGE)." },
  },
  handle: async ({ db, clock, caller, params, body }) => {
    await captureOrder(db, clock, { orderId: params.id, storeId: caller.storeId, amountFen: body.amountFen });
    return { status: 200, body: await getApiOrder(db, { storeId: caller.storeId, orderId: params.id }) };
  },
});

export const cancelOrderEndpoint = defineEndpoint({
  method: "POST",
  path: "/orders/{id}/cancel",
  operationId: "cancelOrder",
  summary: "Cancel an authorized order that was not captured",
  description: "Voids the authorization and releases the shopper's reserved credit. A captured order is refunded instead.",
  params: orderParams,
  body: cancelOrderBody,
  responses: {
    200: { description: "The cancelled order.", schema: order },
    404: { description: "No such order in your store." },
    409: { description: "The order is not awaiting capture, or its authorization expired (INVALID_TRANSITION, AUTHORIZATION_EXPIRED)." },
  },
  handle: async ({ db, clock, caller, params }) => {
    await voidAuthorization(db, clock, { orderId: params.id, storeId: caller.storeId });
    return { status: 200, body: await getApiOrder(db, { storeId: caller.storeId, orderId: params.id }) };
  },
});

export const ENDPOINTS: EndpointDoc[] = [
  createSession,
  getSession,
  listOrders,
  getOrder,
  captureOrderEndpoint,
  cancelOrderEndpoint,
  createOrderRefund,
  getMessaging,
];
