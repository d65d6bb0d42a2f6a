import { z } from "zod";
import { shipmentSchema } from "@/server/domain/orders";
import { merchantProcedure, router } from "@/server/api/trpc";
import { cancelOrder } from "@/server/services/orders/cancel-order";
import { advanceOrder } from "@/server/services/orders/fulfil-order";
import { getStoreOrder } from "@/server/services/orders/get-store-order";
import { listStoreOrders } from "@/server/services/orders/list-store-orders";
import { refundOrder } from "@/server/services/orders/refund-order";
import { id, ordersListInput, refundInput } from "./schemas";

const orderRef = z.object({ orderId: id });
const actorOf = (ctx: { user: { id: number } }) => ({ userId: ctx.user.id, role: "merchant" as const });

export const merchantOrdersRouter = router({
  list: merchantProcedure.input(ordersListInput).query(({ ctx, input }) => listStoreOrders(ctx.db, ctx.clock, { ...input, storeId: ctx.storeId })),
  detail: merchantProcedure
    .input(orderRef)
    .query(({ ctx, input }) => getStoreOrder(ctx.db, ctx.clock, { storeId: ctx.storeId, orderId: input.orderId })),
  ship: merchantProcedure.input(orderRef.and(shipmentSchema)).mutation(({ ctx, input }) =>
    advanceOrder(ctx.db, ctx.clock, {
      storeId: ctx.storeId,
      orderId: input.orderId,
      to: "shipped",
      actor: actorOf(ctx),
      shipment: { carrier: input.carrier, trackingNumber: input.trackingNumber },
    }),
  ),
  complete: merchantProcedure
    .input(orderRef)
    .mutation(({ ctx, input }) =>
      advanceOrder(ctx.db, ctx.clock, { storeId: ctx.storeId, orderId: input.orderId, to: "completed", actor: actorOf(ctx) }),
    ),
  cancel: merchantProcedure.input(orderRef.extend({ reason: z.string().trim().max(300).optional() })).mutation(({ ctx, input }) =>
    cancelOrder(ctx.db, ctx.clock, {
      orderId: input.orderId,
      scope: { storeId: ctx.storeId },
      actor: actorOf(ctx),
      reason: input.reason || undefined,
    }),
  ),
  refund: merchantProcedure
    .input(refundInput)
    .mutation(({ ctx, input }) => refundOrder(ctx.db, ctx.clock, { ...input, storeId: ctx.storeId, actor: actorOf(ctx) })),
});
