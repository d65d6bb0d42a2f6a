import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { ownProduct } from "./own-product";

/** Deactivated products leave the shop but stay on past orders; reactivating puts them back. */
export async function setProductActive(db: Db, input: { storeId: number; productId: number; active: boolean }) {
  return withTransaction(db, async (tx) => {
    await ownProduct(tx, input.storeId, input.productId);
    await tx.update(products).set({ active: input.active }).where(eq(products.id, input.productId));
    return ownProduct(tx, input.storeId, input.productId);
  });
}
