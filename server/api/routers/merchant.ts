import { merchantProcedure, router } from "@/server/api/trpc";
import { storeSettingsSchema } from "@/server/domain/store-settings";
import { merchantOverview } from "@/server/services/merchant/overview";
import { getStoreSettings, openPayLaterBills } from "@/server/services/merchant/get-store-settings";
import { updateStoreSettings } from "@/server/services/merchant/update-store-settings";
import { merchantDevelopersRouter } from "./merchant/developers";
import { merchantOrdersRouter } from "./merchant/orders";
import { merchantProductsRouter } from "./merchant/products";
import { merchantReceivablesRouter } from "./merchant/receivables";

export const merchantRouter = router({
  overview: merchantProcedure.query(({ ctx }) => merchantOverview(ctx.db, ctx.clock, ctx.storeId)),
  settings: merchantProcedure.query(({ ctx }) => getStoreSettings(ctx.db, ctx.storeId)),
  openPayLaterBills: merchantProcedure.query(({ ctx }) => openPayLaterBills(ctx.db, ctx.storeId)),
  updateSettings: merchantProcedure
    .input(storeSettingsSchema)
    .mutation(({ ctx, input }) =>
      updateStoreSettings(ctx.db, ctx.clock, { storeId: ctx.storeId, actor: { userId: ctx.user.id, role: "merchant" }, settings: input }),
    ),
  products: merchantProductsRouter,
  orders: merchantOrdersRouter,
  receivables: merchantReceivablesRouter,
  developers: merchantDevelopersRouter,
});
