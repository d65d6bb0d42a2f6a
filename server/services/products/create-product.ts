import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { products } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import type { ProductInput } from "@/server/domain/product";
import { productColumns } from "./own-product";

export async function createProduct(db: Db, clock: Clock, input: { storeId: number; product: ProductInput }) {
  return withTransaction(
    db,
    async (tx) =>
      (await first(
        tx
          .insert(products)
          .values({ ...input.product, storeId: input.storeId, active: true, createdAt: clock.now() })
          .returning(productColumns),
      ))!,
  );
}
