import { publicProcedure, router } from "@/server/api/trpc";
import { listFeaturedProducts, listStores } from "@/server/services/catalog/list-stores";

export const catalogRouter = router({
  stores: publicProcedure.query(({ ctx }) => listStores(ctx.db)),
  featured: publicProcedure.query(({ ctx }) => listFeaturedProducts(ctx.db)),
});
