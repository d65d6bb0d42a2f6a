// Every operation of the merchant API. The route files under app/api/v1 serve these, and the OpenAPI document
// lists them: an operation that is not here does not exist.
import { z } from "zod";
import { getApiOrder, listApiOrders } from "@/server/services/merchant-api/api-orders";
import { refundOrder } from "@/server/services/orders/refund-order";
import { defineEndpoint, type EndpointDoc } from "./endpoint";
import { createRefund, listOrdersQuery, messaging, messagingQuery, order, orderIdParam, orderList, refund } from "./schemas";

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
  summary: "Refund part or all of a shipped or completed order",
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

export const ENDPOINTS: EndpointDoc[] = [listOrders, getOrder, createOrderRefund, getMessaging];
