import { z } from "zod";
import { consumerProcedure, router } from "@/server/api/trpc";
import { CLOSE_CONFIRMATION } from "@/server/domain/account-closure";
import { closeAccount, closureFacts } from "@/server/services/privacy/close-account";
import { exportMyData } from "@/server/services/privacy/export-my-data";

export const privacyRouter = router({
  /** Whether the account can be closed now, and if not why (the page says so before anyone asks). */
  closure: consumerProcedure.query(({ ctx }) => closureFacts(ctx.db, ctx.user.id)),
  /** A mutation, not a query: each download is audited. */
  exportData: consumerProcedure.mutation(({ ctx }) => exportMyData(ctx.db, ctx.clock, { consumerId: ctx.user.id })),
  closeAccount: consumerProcedure
    .input(z.object({ confirm: z.literal(CLOSE_CONFIRMATION, { error: `Type ${CLOSE_CONFIRMATION} to confirm.` }) }))
    .mutation(({ ctx }) => closeAccount(ctx.db, ctx.clock, { consumerId: ctx.user.id })),
});
