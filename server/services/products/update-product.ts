import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { ProductInput } from "@/server/domain/product";
import { ownProduct } from "./own-product";

export async function updateProduct(db: Db, input: { storeId: number; productId: number; product: ProductInput }) {
  return withTransaction(db, async (tx) => {
    await ownProduct(tx, input.storeId, input.productId);
    await tx.update(products).set(input.product).where(eq(products.id, input.productId));
    return ownProduct(tx, input.storeId, input.productId);
  });
}
