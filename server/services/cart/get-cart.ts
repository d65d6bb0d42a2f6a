import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cartItems, products, stores } from "@/db/schema";
import { payLaterOffer } from "@/server/domain/eligibility";
import { cartLineProblem, lineTotalFen, orderTotalFen } from "@/server/domain/orders";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { payLaterTermsColumns } from "@/server/services/catalog/store-terms";

/** The consumer's cart with current prices and stock; every line is from one store. */
export async function getCart(db: Db, consumerId: number) {
  const rows = await db
    .select({
      productId: products.id,
      name: products.name,
      unitPriceFen: products.priceFen,
      quantity: cartItems.quantity,
      stock: products.stock,
      productActive: products.active,
      storeId: stores.id,
      storeName: stores.name,
      storeSlug: stores.slug,
      storeActive: stores.active,
      ...payLaterTermsColumns,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(eq(cartItems.userId, consumerId))
    .orderBy(asc(cartItems.addedAt), asc(products.id));
  const first = rows[0];
  const lines = rows.map((r) => ({
    productId: r.productId,
    name: r.name,
    unitPriceFen: r.unitPriceFen,
    quantity: r.quantity,
    stock: r.stock,
    lineTotalFen: lineTotalFen(r),
    problem: cartLineProblem({ available: r.productActive && r.storeActive, quantity: r.quantity, stock: r.stock }),
  }));
  const totalFen = orderTotalFen(lines);
  const terms = first && { ...first, name: first.storeName, active: first.storeActive };
  return {
    store: first ? { id: first.storeId, name: first.storeName, slug: first.storeSlug } : null,
    lines,
    totalFen,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    // "or 3 × ¥433.00 with Pay later" when the store offers it for this total.
    payLaterOffer: terms ? payLaterOffer(terms, totalFen, (await currentPolicy(db)).params.plans) : null,
  };
}

export type Cart = Awaited<ReturnType<typeof getCart>>;
