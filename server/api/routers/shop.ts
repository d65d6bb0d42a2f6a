import { z } from "zod";
import { cursorInput, rowId } from "@/server/api/input";
import { consumerProcedure, router } from "@/server/api/trpc";
import { cardNumberSchema, MAX_LINE_QUANTITY, shippingSchema } from "@/server/domain/orders";
import { MAX_AMOUNT_FEN } from "@/server/domain/money";
import { PLAN_CODES } from "@/server/domain/policy";
import { addToCart } from "@/server/services/cart/add-to-cart";
import { getCart } from "@/server/services/cart/get-cart";
import { clearCart, setCartQuantity } from "@/server/services/cart/set-cart-quantity";
import { cancelOrder } from "@/server/services/orders/cancel-order";
import { checkoutPreview } from "@/server/services/orders/checkout-preview";
import { getOrder } from "@/server/services/orders/get-order";
import { listConsumerOrders } from "@/server/services/orders/list-orders";
import { placeOrder } from "@/server/services/orders/place-order";

const productId = rowId;

export const placeOrderInput = shippingSchema
  .extend({
    idempotencyKey: z.string().min(8).max(100),
    lines: z
      .array(z.object({ productId, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }))
      .min(1)
      .max(50),
    paymentMethod: z.enum(["pay_now", "pay_later"]),
    planCode: z.enum(PLAN_CODES).optional(),
    cardNumber: z.string().max(30).optional(),
    // The total the checkout page showed; a different total refuses with PRICE_CHANGED.
    expectedTotalFen: z.number().int().min(0).max(MAX_AMOUNT_FEN),
  })
  .superRefine((input, ctx) => {
    if (input.paymentMethod === "pay_later" && !input.planCode) ctx.addIssue({ code: "custom", path: ["planCode"], message: "Choose a plan." });
    if (input.paymentMethod === "pay_now") {
      const card = cardNumberSchema.safeParse(input.cardNumber ?? "");
      if (!card.success) ctx.addIssue({ code: "custom", path: ["cardNumber"], message: card.error.issues[0]?.message ?? "Enter a card number." });
    }
  });

export const shopRouter = router({
  cart: consumerProcedure.query(({ ctx }) => getCart(ctx.db, ctx.user.id)),
  addToCart: consumerProcedure
    .input(z.object({ productId, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).default(1), replaceCart: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => addToCart(ctx.db, ctx.clock, { consumerId: ctx.user.id, ...input })),
  setCartQuantity: consumerProcedure
    .input(z.object({ productId, quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }))
    .mutation(({ ctx, input }) => setCartQuantity(ctx.db, { consumerId: ctx.user.id, ...input })),
  clearCart: consumerProcedure.mutation(({ ctx }) => clearCart(ctx.db, ctx.user.id)),

  checkout: consumerProcedure.query(({ ctx }) => checkoutPreview(ctx.db, ctx.clock, ctx.user.id)),
  placeOrder: consumerProcedure.input(placeOrderInput).mutation(({ ctx, input }) =>
    placeOrder(ctx.db, ctx.clock, {
      consumerId: ctx.user.id,
      idempotencyKey: input.idempotencyKey,
      lines: input.lines,
      shipping: { shippingName: input.shippingName, shippingPhone: input.shippingPhone, shippingAddress: input.shippingAddress },
      payment:
        input.paymentMethod === "pay_later"
          ? { method: "pay_later", planCode: input.planCode! }
          : { method: "pay_now", cardNumber: input.cardNumber! },
      expectedTotalFen: input.expectedTotalFen,
    }),
  ),

  orders: consumerProcedure
    .input(z.object({ cursor: cursorInput, limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listConsumerOrders(ctx.db, { consumerId: ctx.user.id, ...input })),
  order: consumerProcedure
    .input(z.object({ orderId: rowId }))
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.clock, { orderId: input.orderId, scope: { consumerId: ctx.user.id } })),
  cancelOrder: consumerProcedure.input(z.object({ orderId: rowId })).mutation(({ ctx, input }) =>
    cancelOrder(ctx.db, ctx.clock, {
      orderId: input.orderId,
      scope: { consumerId: ctx.user.id },
      actor: { userId: ctx.user.id, role: "consumer" },
      reason: "Cancelled by the consumer",
    }),
  ),
});
