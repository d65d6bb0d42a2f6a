import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import type { Clock } from "@/server/clock";
import type { ProductInput } from "@/server/domain/product";
import { productColumns } from "./own-product";

export function createProduct(db: Db, clock: Clock, input: { storeId: number; product: ProductInput }) {
  return db.insert(products).values({ ...input.product, storeId: input.storeId, active: true, createdAt: clock.now() }).returning(productColumns).get();
}
