import { z } from "zod";
import { consumerProcedure, router } from "@/server/api/trpc";
import { getStatement, listStatements } from "@/server/services/statements/statements";

// A statement month as the list names it: YYYY-MM (the service refuses one that is not a month).
const month = z.string().max(7);

export const statementsRouter = router({
  list: consumerProcedure
    .input(z.object({ before: month.nullish() }))
    .query(({ ctx, input }) => listStatements(ctx.db, ctx.clock, { consumerId: ctx.user.id, before: input.before })),
  get: consumerProcedure
    .input(z.object({ month }))
    .query(({ ctx, input }) => getStatement(ctx.db, ctx.clock, { consumerId: ctx.user.id, month: input.month })),
});
