import { merchantProcedure, router } from "@/server/api/trpc";
import { z } from "zod";
import { collectionsByDay, expectedCollections, listCollections } from "@/server/services/receivables/collections";
import { listOverdue } from "@/server/services/receivables/overdue-list";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { weeklyTrend } from "@/server/services/receivables/weekly-trend";
import { cursor, localDay, overdueListInput, pageSize } from "./schemas";

export const merchantReceivablesRouter = router({
  summary: merchantProcedure.query(({ ctx }) => receivablesSummary(ctx.db, { storeId: ctx.storeId, now: ctx.clock.now() })),
  trend: merchantProcedure.query(({ ctx }) => weeklyTrend(ctx.db, { storeId: ctx.storeId, now: ctx.clock.now() })),
  overdue: merchantProcedure
    .input(overdueListInput)
    .query(({ ctx, input }) => listOverdue(ctx.db, { ...input, storeId: ctx.storeId, now: ctx.clock.now() })),
  // Collections: the store always comes from the session, so a merchant only ever sees their own money.
  collectionsByDay: merchantProcedure.query(({ ctx }) => collectionsByDay(ctx.db, { storeId: ctx.storeId, now: ctx.clock.now() })),
  collections: merchantProcedure
    .input(z.object({ day: localDay.nullish(), cursor, limit: pageSize }))
    .query(({ ctx, input }) => listCollections(ctx.db, { ...input, storeId: ctx.storeId })),
  expected: merchantProcedure.query(({ ctx }) => expectedCollections(ctx.db, { storeId: ctx.storeId, now: ctx.clock.now() })),
});
