import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { products, stores } from "@/db/schema";
import { payLaterOffer } from "@/server/domain/eligibility";
import { DomainError } from "@/server/domain/errors";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { payLaterTermsColumns, storeProfileColumns } from "./store-terms";

/** An active store's page: its terms and its active products with price and stock. */
export async function getStoreBySlug(db: Db, slug: string) {
  const store = await first(
    db
      .select({
        ...storeProfileColumns,
        ...payLaterTermsColumns,
      })
      .from(stores)
      .where(and(eq(stores.slug, slug), eq(stores.active, true))),
  );
  if (!store) throw new DomainError("NOT_FOUND", "No such store.");
  const list = await db
    .select({ id: products.id, name: products.name, description: products.description, priceFen: products.priceFen, stock: products.stock })
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.active, true)))
    .orderBy(asc(products.id));
  const { payLaterEnabled, payLaterForcedOff, ...rest } = store;
  const plans = (await currentPolicy(db)).params.plans;
  const terms = { ...store, active: true };
  return {
    store: { ...rest, offersPayLater: payLaterEnabled && !payLaterForcedOff },
    products: list.map((p) => ({ ...p, payLaterOffer: payLaterOffer(terms, p.priceFen, plans) })),
  };
}
