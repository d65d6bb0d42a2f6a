import { z } from "zod";
import { publicProcedure, router } from "@/server/api/trpc";
import { getStoreBySlug } from "@/server/services/catalog/get-store";
import { listFeaturedProducts, listStores } from "@/server/services/catalog/list-stores";

export const catalogRouter = router({
  stores: publicProcedure.query(({ ctx }) => listStores(ctx.db)),
  featured: publicProcedure.query(({ ctx }) => listFeaturedProducts(ctx.db)),
  store: publicProcedure.input(z.object({ slug: z.string().trim().min(1).max(100) })).query(({ ctx, input }) => getStoreBySlug(ctx.db, input.slug)),
});
