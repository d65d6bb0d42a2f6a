import { eq } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { products } from "@/db/schema";
import { ownProduct } from "./own-product";

/** Deactivated products leave the shop but stay on past orders; reactivating puts them back. */
export function setProductActive(db: Db, input: { storeId: number; productId: number; active: boolean }) {
  return immediate(db, (tx) => {
    ownProduct(tx, input.storeId, input.productId);
    tx.update(products).set({ active: input.active }).where(eq(products.id, input.productId)).run();
    return ownProduct(tx, input.storeId, input.productId);
  });
}
