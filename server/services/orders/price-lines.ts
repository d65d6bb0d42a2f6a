import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products, stores } from "@/db/schema";
import { assertOk, DomainError } from "@/server/domain/errors";
import { checkStock, orderTotalFen } from "@/server/domain/orders";

export type RequestedLine = { productId: number; quantity: number };

/** The lines of an order at today's prices, refusing what cannot be ordered: gone, from two stores, or short of stock. */
export function priceLines(db: Db, requested: RequestedLine[]) {
  const quantities = new Map<number, number>();
  for (const line of requested) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  if (quantities.size === 0) throw new DomainError("CART_EMPTY", "Your cart is empty.");
  const rows = db
    .select({
      productId: products.id,
      name: products.name,
      unitPriceFen: products.priceFen,
      stock: products.stock,
      active: products.active,
      storeId: stores.id,
      storeName: stores.name,
      storeActive: stores.active,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(inArray(products.id, [...quantities.keys()]))
    .all();
  if (rows.length !== quantities.size || rows.some((r) => !r.active))
    throw new DomainError("PRODUCT_UNAVAILABLE", "Something in your cart is no longer available. Review your cart and try again.");
  const store = { id: rows[0]!.storeId, name: rows[0]!.storeName, active: rows[0]!.storeActive };
  if (rows.some((r) => r.storeId !== store.id))
    throw new DomainError("CART_OTHER_STORE", "An order holds products from one store only.");
  if (!store.active) throw new DomainError("STORE_INACTIVE", `${store.name} is not taking orders right now.`);
  const lines = rows.map((r) => ({ productId: r.productId, name: r.name, unitPriceFen: r.unitPriceFen, quantity: quantities.get(r.productId)! }));
  for (const [i, line] of lines.entries()) assertOk(checkStock({ name: line.name, stock: rows[i]!.stock }, line.quantity));
  return { store, lines, totalFen: orderTotalFen(lines) };
}
