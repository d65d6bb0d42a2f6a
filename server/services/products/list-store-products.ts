import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import { cursorOrRefuse, decodeIdCursor, encodeIdCursor, keysetPage } from "@/server/domain/cursor";
import { productColumns } from "./own-product";

/** The store's products, newest first, keyset-paginated by id (products_store_idx). */
export async function listStoreProducts(db: Db, input: { storeId: number; cursor?: string | null; limit: number }) {
  const before = input.cursor ? cursorOrRefuse(decodeIdCursor(input.cursor)) : null;
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.storeId, input.storeId), before ? lt(products.id, before) : undefined))
    .orderBy(desc(products.id))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, (last) => encodeIdCursor(last.id));
}
