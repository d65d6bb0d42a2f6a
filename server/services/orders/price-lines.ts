import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isPg } from "@/db/engine";
import { perConnection } from "@/db/prepared";
import { products, stores } from "@/db/schema";
import { assertOk, DomainError } from "@/server/domain/errors";
import type { StoreTerms } from "@/server/domain/eligibility";
import { checkStock, orderTotalFen } from "@/server/domain/orders";
import { payLaterTermsColumns } from "@/server/services/catalog/store-terms";

export type RequestedLine = { productId: number; quantity: number };

// One prepared statement for any number of products: their ids arrive as one parameter, a JSON array on SQLite
// and an int[] on PostgreSQL (as db/dialect.ts's inIds spells it, but with a placeholder).
const idsParam = (ids: number[]) => (isPg() ? `{${ids.join(",")}}` : JSON.stringify(ids));
const idsIn = (column: SQL) =>
  isPg() ? sql`${column} = ANY(${sql.placeholder("ids")}::int[])` : sql`${column} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`;

const linesStatement = perConnection((db) =>
  db
    .select({
      productId: products.id,
      name: products.name,
      unitPriceFen: products.priceFen,
      stock: products.stock,
      active: products.active,
      storeId: stores.id,
      storeName: stores.name,
      storeActive: stores.active,
      ...payLaterTermsColumns,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(idsIn(sql`${products.id}`))
    // The order SQLite's IN list gave (the lines are written in it), spelled out for PostgreSQL.
    .orderBy(products.id)
    .prepare("price_lines"),
);

/**
 * The lines of an order at today's prices, refusing what cannot be ordered: gone, from two stores, or short of stock.
 * Also returns the store's pay-later terms, read in the same statement.
 */
export async function priceLines(db: Db, requested: RequestedLine[]) {
  const quantities = new Map<number, number>();
  for (const line of requested) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  if (quantities.size === 0) throw new DomainError("CART_EMPTY", "Your cart is empty.");
  const rows = await linesStatement(db).execute({ ids: idsParam([...quantities.keys()]) });
  if (rows.length !== quantities.size || rows.some((r) => !r.active))
    throw new DomainError("PRODUCT_UNAVAILABLE", "Something in your cart is no longer available. Review your cart and try again.");
  const first = rows[0]!;
  const store = { id: first.storeId, name: first.storeName, active: first.storeActive };
  if (rows.some((r) => r.storeId !== store.id)) throw new DomainError("CART_OTHER_STORE", "An order holds products from one store only.");
  if (!store.active) throw new DomainError("STORE_INACTIVE", `${store.name} is not taking orders right now.`);
  const terms: StoreTerms = {
    name: first.storeName,
    active: first.storeActive,
    payLaterEnabled: first.payLaterEnabled,
    payLaterForcedOff: first.payLaterForcedOff,
    payLaterMinFen: first.payLaterMinFen,
    payLaterMaxFen: first.payLaterMaxFen,
  };
  const lines = rows.map((r) => ({ productId: r.productId, name: r.name, unitPriceFen: r.unitPriceFen, quantity: quantities.get(r.productId)! }));
  for (const [i, line] of lines.entries()) assertOk(checkStock({ name: line.name, stock: rows[i]!.stock }, line.quantity));
  return { store, terms, lines, totalFen: orderTotalFen(lines) };
}
