import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bool } from "@/db/dialect";
import { products, stores } from "@/db/schema";
import { payLaterOffer } from "@/server/domain/eligibility";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { payLaterTermsColumns, storeProfileColumns } from "./store-terms";

/** Active stores for the landing page, with whether each offers pay later. */
export async function listStores(db: Db) {
  return await db
    .select({
      ...storeProfileColumns,
      offersPayLater: sql<boolean>`(${stores.payLaterEnabled} = ${bool(true)} AND ${stores.payLaterForcedOff} = ${bool(false)})`.mapWith(Boolean),
      // Qualified by hand: inside a subquery drizzle would print bare column names, which bind to the inner table.
      productCount: sql<number>`(SELECT COUNT(*) FROM products p WHERE p.store_id = "stores"."id" AND p.active = ${bool(true)})`,
    })
    .from(stores)
    .where(eq(stores.active, true))
    .orderBy(stores.name);
}

export async function listFeaturedProducts(db: Db, limit = 8) {
  const rows = await db
    .select({
      id: products.id,
      name: products.name,
      priceFen: products.priceFen,
      stock: products.stock,
      storeSlug: stores.slug,
      storeName: stores.name,
      ...payLaterTermsColumns,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(eq(products.featured, true), eq(products.active, true), eq(stores.active, true)))
    .orderBy(desc(products.id))
    .limit(limit);
  const plans = (await currentPolicy(db)).params.plans;
  return rows.map(({ payLaterEnabled, payLaterForcedOff, payLaterMinFen, payLaterMaxFen, ...product }) => ({
    ...product,
    payLaterOffer: payLaterOffer(
      { name: product.storeName, active: true, payLaterEnabled, payLaterForcedOff, payLaterMinFen, payLaterMaxFen },
      product.priceFen,
      plans,
    ),
  }));
}
