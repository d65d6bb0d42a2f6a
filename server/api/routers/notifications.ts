import { z } from "zod";
import { cursorInput } from "@/server/api/input";
import { consumerProcedure, router } from "@/server/api/trpc";
import { listNotifications, unreadCount } from "@/server/services/notifications/list-notifications";
import { markAllNotificationsRead } from "@/server/services/notifications/mark-all-read";

export const notificationsRouter = router({
  list: consumerProcedure
    .input(z.object({ cursor: cursorInput, limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),
  unreadCount: consumerProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),
  markAllRead: consumerProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.clock, ctx.user.id)),
});
