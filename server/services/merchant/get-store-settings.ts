import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { instalments, stores } from "@/db/schema";
import { owedSql } from "@/server/sql/rules";
import { DomainError } from "@/server/domain/errors";
import { storeProfileColumns } from "@/server/services/catalog/store-terms";

/** The store profile and pay-later terms, as the settings form shows them. */
export async function getStoreSettings(db: Db, storeId: number) {
  const store = await first(
    db
      .select({
        ...storeProfileColumns,
        active: stores.active,
        offerPayLater: stores.payLaterEnabled,
        payLaterForcedOff: stores.payLaterForcedOff,
        payLaterForcedOffReason: stores.payLaterForcedOffReason,
        payLaterMinFen: stores.payLaterMinFen,
        payLaterMaxFen: stores.payLaterMaxFen,
      })
      .from(stores)
      .where(eq(stores.id, storeId)),
  );
  if (!store) throw new DomainError("NOT_FOUND", "No such store.");
  return store;
}

/**
 * The store's open pay-later bills and what is still to be collected on them, late fees included as in the receivables
 * (what turning pay later off leaves running).
 */
export async function openPayLaterBills(db: Db, storeId: number): Promise<{ billCount: number; owedFen: number }> {
  const row = await first(
    db
      .select({
        billCount: sql<number>`COUNT(DISTINCT ${instalments.billId})`,
        owedFen: sql<number>`COALESCE(SUM(${owedSql()}), 0)`,
      })
      .from(instalments)
      .where(and(eq(instalments.storeId, storeId), eq(instalments.state, "open"))),
  );
  return { billCount: Number(row?.billCount ?? 0), owedFen: Number(row?.owedFen ?? 0) };
}
