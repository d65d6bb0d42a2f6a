import { merchantProcedure, router } from "@/server/api/trpc";
import { listOverdue } from "@/server/services/receivables/overdue-list";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { weeklyTrend } from "@/server/services/receivables/weekly-trend";
import { overdueListInput } from "./schemas";

export const merchantReceivablesRouter = router({
  summary: merchantProcedure.query(({ ctx }) => receivablesSummary(ctx.db, { storeId: ctx.storeId, now: ctx.clock.now() })),
  trend: merchantProcedure.query(({ ctx }) => weeklyTrend(ctx.db, { storeId: ctx.storeId, now: ctx.clock.now() })),
  overdue: merchantProcedure
    .input(overdueListInput)
    .query(({ ctx, input }) => listOverdue(ctx.db, { ...input, storeId: ctx.storeId, now: ctx.clock.now() })),
});
