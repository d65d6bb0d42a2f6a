import { z } from "zod";
import { merchantProcedure, router } from "@/server/api/trpc";
import { productSchema } from "@/server/domain/product";
import { createProduct } from "@/server/services/products/create-product";
import { listStoreProducts } from "@/server/services/products/list-store-products";
import { ownProduct } from "@/server/services/products/own-product";
import { setProductActive } from "@/server/services/products/set-product-active";
import { updateProduct } from "@/server/services/products/update-product";
import { cursor, id, pageSize } from "./schemas";

export const merchantProductsRouter = router({
  list: merchantProcedure
    .input(z.object({ cursor, limit: pageSize }))
    .query(({ ctx, input }) => listStoreProducts(ctx.db, { storeId: ctx.storeId, cursor: input.cursor, limit: input.limit })),
  get: merchantProcedure.input(z.object({ productId: id })).query(({ ctx, input }) => ownProduct(ctx.db, ctx.storeId, input.productId)),
  create: merchantProcedure
    .input(productSchema)
    .mutation(({ ctx, input }) => createProduct(ctx.db, ctx.clock, { storeId: ctx.storeId, product: input })),
  update: merchantProcedure
    .input(productSchema.extend({ productId: id }))
    .mutation(({ ctx, input: { productId, ...product } }) => updateProduct(ctx.db, { storeId: ctx.storeId, productId, product })),
  setActive: merchantProcedure
    .input(z.object({ productId: id, active: z.boolean() }))
    .mutation(({ ctx, input }) => setProductActive(ctx.db, { storeId: ctx.storeId, ...input })),
});
