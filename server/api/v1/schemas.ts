// The merchant API's request and response schemas. Handlers validate with them and /api/v1/openapi.json is generated
// from them (server/api/v1/openapi.ts), so the document cannot drift from what the API accepts.
import { z } from "zod";
import { ORDER_STATUSES, PAYMENT_METHODS } from "@/db/schema";
import { MAX_ROW_ID } from "@/server/domain/cursor";
import { isWebUrl, itemsTotalFen } from "@/server/domain/merchant-checkout";
import { MAX_AMOUNT_FEN } from "@/server/domain/money";
import { MESSAGING_LOCALES } from "@/server/domain/messaging";
import { PING_EVENT, WEBHOOK_EVENT_TYPES } from "@/server/domain/webhooks";

/** Named schemas, listed under components.schemas in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const fen = (description: string) => z.number().int().min(1).max(MAX_AMOUNT_FEN).meta({ description });

export const orderIdParam = z.coerce.number().int().positive().max(MAX_ROW_ID).meta({ description: "The order's id." });

export const orderItem = z.object({
  name: z.string(),
  quantity: z.number().int(),
  unitPriceFen: z.number().int().meta({ description: "Price of one, in fen." }),
});
apiSchemas.add(orderItem, { id: "OrderItem" });

export const order = z.object({
  id: z.number().int(),
  object: z.literal("order"),
  number: z.string().meta({ description: "The order number the consumer sees, e.g. HF-7K2M9Q." }),
  status: z.enum(ORDER_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  planCode: z.string().nullable().meta({ description: "The pay-later plan (pay_in_30, pay_in_3), or null for pay_now." }),
  amountFen: z.number().int().meta({ description: "The order total in fen." }),
  refundedFen: z.number().int(),
  refundableFen: z.number().int().meta({ description: "What a refund may still take back, in fen (0 until shipped or captured)." }),
  authorizedFen: z
    .number()
    .int()
    .nullable()
    .meta({ description: "For an order from a checkout session: the amount the shopper authorized (amountFen is what was captured)." }),
  authorizationExpiresAt: z.iso
    .datetime()
    .nullable()
    .meta({ description: "While status is authorized: capture or cancel before this instant, or the authorization expires." }),
  capturedAt: z.iso.datetime().nullable(),
  currency: z.literal("CNY"),
  createdAt: z.iso.datetime(),
  items: z.array(orderItem),
});
apiSchemas.add(order, { id: "Order", description: "One of your store's orders." });

export const orderList = z.object({
  object: z.literal("list"),
  data: z.array(order),
  hasMore: z.boolean(),
  nextStartingAfter: z.number().int().nullable().meta({ description: "Pass as startingAfter to get the next page." }),
});
apiSchemas.add(orderList, { id: "OrderList" });

export const listOrdersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: "Page size, 1–100." }),
  startingAfter: z.coerce.number().int().positive().max(MAX_ROW_ID).optional().meta({ description: "The last id of the previous page." }),
});

export const createRefund = z.strictObject({
  amountFen: fen("How much to refund, in fen; at most the order's refundableFen."),
  reason: z.string().trim().min(3).max(300).meta({ description: "Why, in a few words (shown to the consumer)." }),
});
apiSchemas.add(createRefund, { id: "CreateRefund" });

export const refund = z.object({
  id: z.number().int(),
  object: z.literal("refund"),
  orderId: z.number().int(),
  amountFen: z.number().int(),
  reducedBillFen: z.number().int().meta({ description: "Taken off the consumer's unpaid bill." }),
  paidBackFen: z.number().int().meta({ description: "Paid back to the consumer (what they had already paid)." }),
  currency: z.literal("CNY"),
});
apiSchemas.add(refund, { id: "Refund" });

const webUrl = (description: string) =>
  z.string().trim().max(2000).refine(isWebUrl, "Use an absolute http:// or https:// URL.").meta({ description, format: "uri" });

export const checkoutItem = z.strictObject({
  name: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(999),
  unitPriceFen: z.number().int().min(0).max(MAX_AMOUNT_FEN).meta({ description: "Price of one, in fen." }),
});
apiSchemas.add(checkoutItem, { id: "CheckoutItem" });

export const createCheckoutSession = z
  .strictObject({
    amountFen: fen("What the shopper pays later, in fen; within your store's pay-later minimum and maximum."),
    merchantReference: z.string().trim().min(1).max(100).meta({ description: "Your own order reference, shown to the shopper." }),
    items: z.array(checkoutItem).min(1).max(100).meta({ description: "What is bought; quantity × unitPriceFen must add up to amountFen." }),
    successUrl: webUrl("Where the shopper goes after confirming; session_id and order_id are added as query parameters."),
    cancelUrl: webUrl("Where the shopper goes on Cancel."),
  })
  .superRefine((body, ctx) => {
    const total = itemsTotalFen(body.items);
    if (total !== body.amountFen)
      ctx.addIssue({ code: "custom", path: ["items"], message: `The items add up to ${total} fen, not the amountFen ${body.amountFen}.` });
  });
apiSchemas.add(createCheckoutSession, { id: "CreateCheckoutSession" });

export const checkoutSessionIdParam = z
  .string()
  .regex(/^cs_[A-Za-z0-9_-]{24}$/)
  .meta({ description: "The checkout session's id (cs_…)." });

export const checkoutSession = z.object({
  id: z.string(),
  object: z.literal("checkout_session"),
  url: z.string().meta({ description: "The hosted payment page: send the shopper here." }),
  status: z.enum(["open", "completed", "cancelled", "expired"]).meta({
    description: "open until the shopper confirms (completed) or presses Cancel on the hosted page (cancelled); expired after expiresAt.",
  }),
  amountFen: z.number().int(),
  currency: z.literal("CNY"),
  merchantReference: z.string(),
  items: z.array(checkoutItem),
  successUrl: z.string(),
  cancelUrl: z.string(),
  orderId: z.number().int().nullable().meta({ description: "The authorized order, once the shopper confirmed." }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().meta({ description: "The hosted page can be confirmed until then (one hour after creation)." }),
});
apiSchemas.add(checkoutSession, { id: "CheckoutSession" });

export const captureOrderBody = z.strictObject({
  amountFen: fen("How much to capture, in fen; at most authorizedFen. Omit to capture it all; the rest is released.").optional(),
});
apiSchemas.add(captureOrderBody, { id: "CaptureOrder" });

export const cancelOrderBody = z.strictObject({});

export const problem = z.object({
  type: z.string().meta({ description: "A URI naming the kind of problem." }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().meta({ description: "A stable code to branch on, e.g. REFUND_TOO_LARGE." }),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .meta({ description: "Each invalid field." }),
});
apiSchemas.add(problem, { id: "Problem", description: "An RFC 9457 problem details object (application/problem+json)." });

export const messagingQuery = z.object({
  amountFen: z.coerce.number().int().min(1).max(MAX_AMOUNT_FEN).meta({ description: "The product's or cart's price, in fen." }),
  locale: z
    .enum([...MESSAGING_LOCALES, "zh"])
    .default("en")
    .transform((l) => (l === "zh" ? "zh-CN" : l))
    .meta({ description: "en (default) or zh-CN (zh is read as zh-CN)." }),
  key: z.string().max(100).optional().meta({ description: "Your publishable key (hk_pub_…), unless sent as Authorization: Bearer." }),
});

export const messaging = z.object({
  object: z.literal("messaging"),
  eligible: z.boolean().meta({ description: "False when pay later is off or the amount is outside your min/max: show nothing." }),
  sentence: z.string().meta({ description: 'E.g. "or 3 × ¥433.00 with Pay later"; empty when not eligible.' }),
  instalmentCount: z.number().int().nullable(),
  instalmentFen: z.number().int().nullable().meta({ description: "The first (largest) instalment, in fen." }),
  amountFen: z.number().int(),
  locale: z.enum(MESSAGING_LOCALES),
  currency: z.literal("CNY"),
});
apiSchemas.add(messaging, { id: "Messaging", description: "What a product page may say about paying later for an amount." });

export const instalment = z.object({
  id: z.number().int(),
  object: z.literal("instalment"),
  orderId: z.number().int(),
  billId: z.number().int(),
  sequence: z.number().int().meta({ description: "1 for the first instalment of the bill." }),
  dueDate: z.iso.date(),
  amountFen: z.number().int(),
  paidFen: z.number().int().meta({ description: "Principal paid so far." }),
  lateFeeFen: z.number().int(),
  paidFeeFen: z.number().int(),
  status: z.string().meta({ description: "upcoming, due_soon, overdue, paid or void (derived from the due date and today)." }),
  paidAt: z.iso.datetime().nullable(),
  currency: z.literal("CNY"),
});
apiSchemas.add(instalment, { id: "Instalment" });

export const bill = z.object({
  id: z.number().int(),
  object: z.literal("bill"),
  orderId: z.number().int(),
  orderNumber: z.string(),
  planCode: z.string(),
  amountFen: z.number().int(),
  status: z.enum(["open", "paid", "void"]),
  currency: z.literal("CNY"),
  instalments: z.array(instalment),
});
apiSchemas.add(bill, { id: "Bill" });

const eventEnvelope = <T extends z.ZodType>(type: string, data: T) =>
  z.object({
    id: z.string().meta({ description: "evt_…: the same in every retry and redelivery of the event; de-duplicate on it." }),
    object: z.literal("event"),
    type: z.literal(type),
    createdAt: z.iso.datetime(),
    data,
  });

/** The body of each webhook event type (OpenAPI's `webhooks`). */
export const webhookEventBodies: Record<string, z.ZodType> = {
  ...Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [type, eventEnvelope(type, type.startsWith("order.") ? order : type.startsWith("bill.") ? bill : instalment)]),
  ),
  [PING_EVENT]: eventEnvelope(PING_EVENT, z.object({ object: z.literal("ping"), endpointId: z.number().int(), message: z.string() })),
};
