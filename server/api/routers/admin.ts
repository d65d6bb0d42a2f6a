import { adminProcedure, router } from "@/server/api/trpc";
import { platformOverview } from "@/server/services/admin/overview";

export const adminRouter = router({
  overview: adminProcedure.query(({ ctx }) => platformOverview(ctx.db, ctx.clock)),
});
