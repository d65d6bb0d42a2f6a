import { merchantProcedure, router } from "@/server/api/trpc";
import { merchantOverview } from "@/server/services/merchant/overview";

export const merchantRouter = router({
  overview: merchantProcedure.query(({ ctx }) => merchantOverview(ctx.db, ctx.clock, ctx.storeId)),
});
