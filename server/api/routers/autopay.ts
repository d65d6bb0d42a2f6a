// Autopay: the signed-in consumer's own card and setting; nothing here takes a consumer id from input.
import { z } from "zod";
import { consumerProcedure, router } from "@/server/api/trpc";
import { cardNumberSchema } from "@/server/domain/orders";
import { autopayStatus } from "@/server/services/autopay/autopay-status";
import { removeAutopayCard, saveAutopayCard, setAutopay } from "@/server/services/autopay/manage-card";

export const autopayRouter = router({
  status: consumerProcedure.query(({ ctx }) => autopayStatus(ctx.db, ctx.clock, ctx.user.id)),
  saveCard: consumerProcedure
    .input(z.object({ cardNumber: cardNumberSchema }))
    .mutation(({ ctx, input }) => saveAutopayCard(ctx.db, ctx.clock, { consumerId: ctx.user.id, cardNumber: input.cardNumber })),
  setEnabled: consumerProcedure
    .input(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setAutopay(ctx.db, ctx.clock, { consumerId: ctx.user.id, enabled: input.enabled })),
  removeCard: consumerProcedure.mutation(({ ctx }) => removeAutopayCard(ctx.db, { consumerId: ctx.user.id })),
});
