import { consumerProcedure, router } from "@/server/api/trpc";
import { getCreditSummary } from "@/server/services/credit/get-credit-summary";

export const creditRouter = router({
  summary: consumerProcedure.query(({ ctx }) => getCreditSummary(ctx.db, ctx.clock, ctx.user.id)),
});
