// The hosted payment page of a merchant API checkout session (/pay/{sessionId}).
import { z } from "zod";
import { consumerProcedure, publicProcedure, router } from "@/server/api/trpc";
import { PLAN_CODES } from "@/server/domain/policy";
import { cancelCheckoutSession, confirmCheckoutSession, hostedCheckoutView } from "@/server/services/merchant-api/hosted-checkout";

const sessionId = z
  .string()
  .trim()
  .regex(/^cs_[A-Za-z0-9_-]{24}$/, "No such payment page.");

export const payRouter = router({
  // Anyone holding the session's unguessable id sees what is bought; a signed-in consumer also their credit check.
  session: publicProcedure
    .input(z.object({ sessionId }))
    .query(({ ctx, input }) =>
      hostedCheckoutView(ctx.db, ctx.clock, { sessionId: input.sessionId, consumerId: ctx.user?.role === "consumer" ? ctx.user.id : null }),
    ),
  confirm: consumerProcedure
    .input(z.object({ sessionId, planCode: z.enum(PLAN_CODES) }))
    .mutation(({ ctx, input }) =>
      confirmCheckoutSession(ctx.db, ctx.clock, { sessionId: input.sessionId, consumerId: ctx.user.id, planCode: input.planCode }),
    ),
  // Whoever holds the page may close it while nothing was confirmed (signed in or not, as anyone may view it).
  cancel: publicProcedure
    .input(z.object({ sessionId }))
    .mutation(({ ctx, input }) => cancelCheckoutSession(ctx.db, ctx.clock, { sessionId: input.sessionId })),
});
