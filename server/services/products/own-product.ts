import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { products } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";

/** What the merchant sees of a product. */
export const productColumns = {
  id: products.id,
  name: products.name,
  description: products.description,
  priceFen: products.priceFen,
  stock: products.stock,
  active: products.active,
};

/** A product of this store, or NOT_FOUND (another store's product looks the same as none). */
export async function ownProduct(db: Db, storeId: number, productId: number) {
  const row = await first(
    db
      .select(productColumns)
      .from(products)
      .where(and(eq(products.id, productId), eq(products.storeId, storeId))),
  );
  if (!row) throw new DomainError("NOT_FOUND", "No such product in your store.");
  return row;
}
