import { eq } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { products } from "@/db/schema";
import type { ProductInput } from "@/server/domain/product";
import { ownProduct } from "./own-product";

export function updateProduct(db: Db, input: { storeId: number; productId: number; product: ProductInput }) {
  return immediate(db, (tx) => {
    ownProduct(tx, input.storeId, input.productId);
    tx.update(products).set(input.product).where(eq(products.id, input.productId)).run();
    return ownProduct(tx, input.storeId, input.productId);
  });
}
