import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import { productColumns } from "./own-product";

/** The store's products, newest first, keyset-paginated by id (products_store_idx). */
export async function listStoreProducts(db: Db, input: { storeId: number; cursor?: number | null; limit: number }) {
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.storeId, input.storeId), input.cursor ? lt(products.id, input.cursor) : undefined))
    .orderBy(desc(products.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}
