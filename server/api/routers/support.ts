import { customerProcedure, router } from "@/server/api/trpc";
import { supportQuestionSchema } from "@/server/domain/support";
import { askSupport } from "@/server/services/support/ask-support";
import { listMyTickets } from "@/server/services/support/list-tickets";

export const supportRouter = router({
  ask: customerProcedure
    .input(supportQuestionSchema)
    .mutation(({ ctx, input }) => askSupport(ctx.db, ctx.clock, { userId: ctx.user.id, question: input })),
  mine: customerProcedure.query(({ ctx }) => listMyTickets(ctx.db, ctx.user.id)),
});
