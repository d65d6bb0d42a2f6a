import { z } from "zod";
import { rowId } from "@/server/api/input";
import { consumerProcedure, router } from "@/server/api/trpc";
import { MAX_AMOUNT_FEN } from "@/server/domain/money";
import { cardNumberSchema } from "@/server/domain/orders";
import { listBills } from "@/server/services/bills/list-bills";
import { pastDueSummary } from "@/server/services/bills/past-due";
import { repayBill } from "@/server/services/bills/repay-bill";
import { extendDueDate, previewExtension } from "@/server/services/bills/extend-due-date";

export const repayInput = z.object({
  billId: rowId,
  amountFen: z.number().int().min(1, "Enter an amount of at least ¥0.01.").max(MAX_AMOUNT_FEN),
  cardNumber: cardNumberSchema,
  idempotencyKey: z.string().min(8).max(100),
});

const extensionInput = z.object({ instalmentId: rowId, days: z.number().int().min(1).max(60) });

export const billsRouter = router({
  list: consumerProcedure.query(({ ctx }) => listBills(ctx.db, ctx.clock, ctx.user.id)),
  /** What is past due, for the header's badge and the overview's card. */
  pastDue: consumerProcedure.query(({ ctx }) => pastDueSummary(ctx.db, ctx.clock, ctx.user.id)),
  repay: consumerProcedure.input(repayInput).mutation(({ ctx, input }) => repayBill(ctx.db, ctx.clock, { ...input, consumerId: ctx.user.id })),
  // Due-date extension.
  previewExtension: consumerProcedure
    .input(extensionInput)
    .query(({ ctx, input }) => previewExtension(ctx.db, ctx.clock, { ...input, consumerId: ctx.user.id })),
  extendDueDate: consumerProcedure
    .input(extensionInput.extend({ idempotencyKey: z.string().min(8).max(100), cardNumber: cardNumberSchema.optional() }))
    .mutation(({ ctx, input }) => extendDueDate(ctx.db, ctx.clock, { ...input, consumerId: ctx.user.id })),
});
