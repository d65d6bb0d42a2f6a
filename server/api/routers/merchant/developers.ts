import { z } from "zod";
import { merchantProcedure, router } from "@/server/api/trpc";
import { apiKeyNameSchema } from "@/server/domain/api-keys";
import { createApiKey } from "@/server/services/developers/create-api-key";
import { listApiKeys } from "@/server/services/developers/list-api-keys";
import { revokeApiKey } from "@/server/services/developers/revoke-api-key";
import { id } from "./schemas";
import { merchantWebhooksRouter } from "./webhooks";

const actorOf = (ctx: { user: { id: number } }) => ({ userId: ctx.user.id, role: "merchant" as const });

export const merchantDevelopersRouter = router({
  apiKeys: merchantProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.storeId)),
  createApiKey: merchantProcedure
    .input(z.object({ name: apiKeyNameSchema }))
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: actorOf(ctx), name: input.name })),
  revokeApiKey: merchantProcedure
    .input(z.object({ keyId: id }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: actorOf(ctx), keyId: input.keyId })),
  webhooks: merchantWebhooksRouter,
});
