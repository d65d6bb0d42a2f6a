// The store's profile columns, and its pay-later terms as the eligibility rules read them (server/domain/eligibility.ts StoreTerms),
// selected the same way wherever a service needs them: alone, or beside a product's or a cart line's columns.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { stores } from "@/db/schema";

/** What a store says of itself: its identity and the profile a shopper reads (the catalogue, its page, the settings form). */
export const storeProfileColumns = {
  id: stores.id,
  slug: stores.slug,
  name: stores.name,
  description: stores.description,
  category: stores.category,
};

/** Whether pay later is on (and not forced off) and its amount limits. */
export const payLaterTermsColumns = {
  payLaterEnabled: stores.payLaterEnabled,
  payLaterForcedOff: stores.payLaterForcedOff,
  payLaterMinFen: stores.payLaterMinFen,
  payLaterMaxFen: stores.payLaterMaxFen,
};

/** StoreTerms: the store's name (for the reasons) and whether it is active, with its pay-later terms. */
export const storeTermsColumns = { name: stores.name, active: stores.active, ...payLaterTermsColumns };

/** One store's terms, if the store exists. */
export const storeTermsOf = (db: Db, storeId: number) => first(db.select(storeTermsColumns).from(stores).where(eq(stores.id, storeId)));
