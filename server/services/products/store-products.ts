// The merchant's catalogue: list, create, edit, deactivate and reactivate, always within one store.
import { and, desc, eq, lt } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { products } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import type { ProductInput } from "@/server/domain/product";

const columns = {
  id: products.id,
  name: products.name,
  description: products.description,
  priceFen: products.priceFen,
  stock: products.stock,
  active: products.active,
};

/** Newest first, keyset-paginated by id (products_store_idx). */
export function listStoreProducts(db: Db, input: { storeId: number; cursor?: number | null; limit: number }) {
  const rows = db
    .select(columns)
    .from(products)
    .where(and(eq(products.storeId, input.storeId), input.cursor ? lt(products.id, input.cursor) : undefined))
    .orderBy(desc(products.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}

function ownProduct(db: Db, storeId: number, productId: number) {
  const row = db.select(columns).from(products).where(and(eq(products.id, productId), eq(products.storeId, storeId))).get();
  if (!row) throw new DomainError("NOT_FOUND", "No such product in your store.");
  return row;
}

export function getStoreProduct(db: Db, input: { storeId: number; productId: number }) {
  return ownProduct(db, input.storeId, input.productId);
}

export function createProduct(db: Db, clock: Clock, input: { storeId: number; product: ProductInput }) {
  return db
    .insert(products)
    .values({ ...input.product, storeId: input.storeId, active: true, createdAt: clock.now() })
    .returning(columns)
    .get();
}

export function updateProduct(db: Db, input: { storeId: number; productId: number; product: ProductInput }) {
  return immediate(db, (tx) => {
    ownProduct(tx, input.storeId, input.productId);
    tx.update(products).set(input.product).where(eq(products.id, input.productId)).run();
    return ownProduct(tx, input.storeId, input.productId);
  });
}

/** Deactivated products leave the shop but stay on past orders. */
export function setProductActive(db: Db, input: { storeId: number; productId: number; active: boolean }) {
  return immediate(db, (tx) => {
    ownProduct(tx, input.storeId, input.productId);
    tx.update(products).set({ active: input.active }).where(eq(products.id, input.productId)).run();
    return ownProduct(tx, input.storeId, input.productId);
  });
}
