// Every operation of the merchant API. The route files under app/api/v1 serve these, and the OpenAPI document
// lists them: an operation that is not here does not exist.
import { z } from "zod";
import { getApiOrder, listApiOrders } from "@/server/services/merchant-api/api-orders";
import { refundOrder } from "@/server/services/orders/refund-order";
import { defineEndpoint, type EndpointDoc } from "./endpoint";
import { createRefund, listOrdersQuery, order, orderIdParam, orderList, refund } from "./schemas";

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

export const ENDPOINTS: EndpointDoc[] = [listOrders, getOrder, createOrderRefund];
