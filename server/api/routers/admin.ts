import { z } from "zod";
import { cursorInput, rowId } from "@/server/api/input";
import { adminProcedure, router } from "@/server/api/trpc";
import { SCORE_MAX, SCORE_MIN, policyParamsSchema, policyUpdateSchema } from "@/server/domain/policy";
import { adjustScore } from "@/server/services/admin/adjust-score";
import { consumerProfile } from "@/server/services/admin/consumer-profile";
import { auditFilterOptions, listAudit } from "@/server/services/admin/list-audit";
import { platformOverview } from "@/server/services/admin/overview";
import { searchConsumers } from "@/server/services/admin/search-consumers";
import { reinstatePayLater, suspendPayLater } from "@/server/services/admin/set-pay-later-suspension";
import { setPayLaterForcedOff, setStoreActive } from "@/server/services/admin/set-store-flags";
import { storeReceivables } from "@/server/services/admin/store-receivables";
import type { Actor } from "@/server/services/audit/record-audit";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { policyHistory } from "@/server/services/policy/policy-history";
import { policyWhatIf } from "@/server/services/policy/policy-what-if";
import { updatePolicy } from "@/server/services/policy/update-policy";
import { supportAnswerSchema } from "@/server/domain/support";
import { answerTicket } from "@/server/services/support/answer-ticket";
import { listTickets } from "@/server/services/support/list-tickets";

const id = rowId;
const pageSize = z.number().int().min(1).max(100).default(25);
const cursor = cursorInput;
const reason = z.string().trim().min(1, "Give a reason.").max(300);
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-25.");

const actorOf = (user: { id: number; role: Actor["role"] }): Actor => ({ userId: user.id, role: user.role });

export const scoreAdjustmentInput = z.union([
  z.object({
    consumerId: id,
    delta: z
      .number()
      .int()
      .min(-600)
      .max(600)
      .refine((d) => d !== 0, "Enter a change other than 0."),
    reason,
  }),
  z.object({ consumerId: id, newScore: z.number().int().min(SCORE_MIN).max(SCORE_MAX), reason }),
]);

export const adminRouter = router({
  overview: adminProcedure.query(({ ctx }) => platformOverview(ctx.db, ctx.clock)),

  // credit policy
  policy: adminProcedure.query(({ ctx }) => currentPolicy(ctx.db)),
  policyHistory: adminProcedure.query(({ ctx }) => policyHistory(ctx.db)),
  policyWhatIf: adminProcedure.input(policyParamsSchema).query(({ ctx, input }) => policyWhatIf(ctx.db, input)),
  updatePolicy: adminProcedure.input(policyUpdateSchema).mutation(({ ctx, input }) => updatePolicy(ctx.db, ctx.clock, actorOf(ctx.user), input)),

  // consumers
  consumers: adminProcedure
    .input(z.object({ query: z.string().max(254).optional(), cursor, limit: pageSize }))
    .query(({ ctx, input }) => searchConsumers(ctx.db, input)),
  consumer: adminProcedure.input(z.object({ consumerId: id })).query(({ ctx, input }) => consumerProfile(ctx.db, ctx.clock, input.consumerId)),
  adjustScore: adminProcedure.input(scoreAdjustmentInput).mutation(({ ctx, input }) => adjustScore(ctx.db, ctx.clock, actorOf(ctx.user), input)),
  suspendPayLater: adminProcedure
    .input(z.object({ consumerId: id, reason }))
    .mutation(({ ctx, input }) => suspendPayLater(ctx.db, ctx.clock, actorOf(ctx.user), input)),
  reinstatePayLater: adminProcedure
    .input(z.object({ consumerId: id, reason }))
    .mutation(({ ctx, input }) => reinstatePayLater(ctx.db, ctx.clock, actorOf(ctx.user), input)),

  // merchants
  merchants: adminProcedure.query(({ ctx }) => storeReceivables(ctx.db, ctx.clock.now())),
  setStoreActive: adminProcedure
    .input(z.object({ storeId: id, active: z.boolean() }))
    .mutation(({ ctx, input }) => setStoreActive(ctx.db, ctx.clock, actorOf(ctx.user), input)),
  setPayLaterForcedOff: adminProcedure
    .input(
      z.discriminatedUnion("forcedOff", [
        z.object({ storeId: id, forcedOff: z.literal(true), reason }),
        z.object({ storeId: id, forcedOff: z.literal(false), reason: reason.optional() }),
      ]),
    )
    .mutation(({ ctx, input }) => setPayLaterForcedOff(ctx.db, ctx.clock, actorOf(ctx.user), input)),

  // support
  supportTickets: adminProcedure
    .input(z.object({ status: z.enum(["open", "answered"]).default("open"), cursor, limit: pageSize }))
    .query(({ ctx, input }) => listTickets(ctx.db, input)),
  answerTicket: adminProcedure
    .input(supportAnswerSchema.extend({ ticketId: id }))
    .mutation(({ ctx, input }) => answerTicket(ctx.db, ctx.clock, actorOf(ctx.user), input)),

  // audit log
  audit: adminProcedure
    .input(
      z.object({
        actorUserId: id.optional(),
        action: z.string().max(100).optional(),
        entityType: z.string().max(100).optional(),
        from: calendarDate.optional(),
        to: calendarDate.optional(),
        cursor,
        limit: pageSize,
      }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
  auditFilters: adminProcedure.query(({ ctx }) => auditFilterOptions(ctx.db)),
});
