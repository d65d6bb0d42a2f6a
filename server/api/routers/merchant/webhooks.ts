import { z } from "zod";
import { merchantProcedure, router } from "@/server/api/trpc";
import { webhookEventsSchema, webhookUrlSchema } from "@/server/domain/webhooks";
import { createPublishableKey, getPublishableKey } from "@/server/services/developers/publishable-key";
import { listWebhookDeliveries, redeliverWebhook, sendTestWebhook } from "@/server/services/webhooks/delivery-log";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  setWebhookEndpointEnabled,
} from "@/server/services/webhooks/manage-endpoints";
import { deliverSoon } from "@/server/services/webhooks/schedule";
import { id } from "./schemas";

const actorOf = (ctx: { user: { id: number } }) => ({ userId: ctx.user.id, role: "merchant" as const });

/** Webhook endpoints, their delivery logs and the publishable key, all of the caller's own store. */
export const merchantWebhooksRouter = router({
  endpoints: merchantProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.storeId)),
  createEndpoint: merchantProcedure
    .input(z.object({ url: webhookUrlSchema, events: webhookEventsSchema }))
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: actorOf(ctx), ...input })),
  setEndpointEnabled: merchantProcedure
    .input(z.object({ endpointId: id, enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setWebhookEndpointEnabled(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: actorOf(ctx), ...input })),
  deleteEndpoint: merchantProcedure
    .input(z.object({ endpointId: id }))
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: actorOf(ctx), ...input })),
  deliveries: merchantProcedure
    .input(z.object({ endpointId: id, limit: z.number().int().min(1).max(100).default(20), beforeId: id.optional() }))
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, { storeId: ctx.storeId, ...input })),
  sendTestEvent: merchantProcedure.input(z.object({ endpointId: id })).mutation(async ({ ctx, input }) => {
    const sent = await sendTestWebhook(ctx.db, ctx.clock, { storeId: ctx.storeId, endpointId: input.endpointId });
    deliverSoon([sent.deliveryId]);
    return sent;
  }),
  redeliver: merchantProcedure.input(z.object({ deliveryId: id })).mutation(async ({ ctx, input }) => {
    const queued = await redeliverWebhook(ctx.db, ctx.clock, { storeId: ctx.storeId, deliveryId: input.deliveryId });
    deliverSoon([queued.deliveryId]);
    return queued;
  }),
  publishableKey: merchantProcedure.query(({ ctx }) => getPublishableKey(ctx.db, ctx.storeId)),
  createPublishableKey: merchantProcedure.mutation(({ ctx }) =>
    createPublishableKey(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: actorOf(ctx) }),
  ),
});
