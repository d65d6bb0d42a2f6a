import { z } from "zod";
import { cursorInput, rowId } from "@/server/api/input";
import { consumerProcedure, router } from "@/server/api/trpc";
import { currentAgreement } from "@/server/services/credit/agreement";
import { disablePayLater, enablePayLater } from "@/server/services/credit/pay-later-switch";
import { getCreditSummary } from "@/server/services/credit/get-credit-summary";
import { listCreditEvents } from "@/server/services/credit/list-credit-events";
import { scoreHistory } from "@/server/services/credit/score-history";

export const creditRouter = router({
  summary: consumerProcedure.query(({ ctx }) => getCreditSummary(ctx.db, ctx.clock, ctx.user.id)),
  agreement: consumerProcedure.query(({ ctx }) => currentAgreement(ctx.db)),
  // the score over time and the way up.
  scoreHistory: consumerProcedure.query(({ ctx }) => scoreHistory(ctx.db, ctx.clock, ctx.user.id)),
  events: consumerProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(100).default(20),
        cursor: cursorInput,
      }),
    )
    .query(({ ctx, input }) => listCreditEvents(ctx.db, { consumerId: ctx.user.id, ...input })),
  enablePayLater: consumerProcedure
    .input(
      z.object({
        agreementVersion: rowId,
        accepted: z.literal(true, { error: "Tick the box to agree to the pay-later agreement." }),
      }),
    )
    .mutation(({ ctx, input }) => enablePayLater(ctx.db, ctx.clock, { consumerId: ctx.user.id, agreementVersion: input.agreementVersion })),
  disablePayLater: consumerProcedure.mutation(({ ctx }) => disablePayLater(ctx.db, ctx.clock, { consumerId: ctx.user.id })),
});
