import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { stores } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";

/** The store profile and pay-later terms, as the settings form shows them. */
export async function getStoreSettings(db: Db, storeId: number) {
  const store = await first(
    db
      .select({
        id: stores.id,
        slug: stores.slug,
        name: stores.name,
        description: stores.description,
        category: stores.category,
        active: stores.active,
        offerPayLater: stores.payLaterEnabled,
        payLaterForcedOff: stores.payLaterForcedOff,
        payLaterMinFen: stores.payLaterMinFen,
        payLaterMaxFen: stores.payLaterMaxFen,
      })
      .from(stores)
      .where(eq(stores.id, storeId)),
  );
  if (!store) throw new DomainError("NOT_FOUND", "No such store.");
  return store;
}
