import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { creditProfiles, orders, stores, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { storeReceivables } from "./store-receivables";

/** Platform-wide figures for the admin overview. */
export async function platformOverview(db: Db, clock: Clock) {
  const now = clock.now();
  const consumers = (await first(db.select({ n: count() }).from(users).where(eq(users.role, "consumer"))))!;
  const enabled = (await first(db.select({ n: count() }).from(creditProfiles).where(eq(creditProfiles.payLaterStatus, "enabled"))))!;
  const suspended = (await first(db.select({ n: count() }).from(creditProfiles).where(eq(creditProfiles.payLaterStatus, "suspended"))))!;
  const activeStores = (await first(db.select({ n: count() }).from(stores).where(eq(stores.active, true))))!;
  const volume = (await first(
    db
      .select({ orders: count(), totalFen: sql<number>`COALESCE(SUM(${orders.totalFen}), 0)` })
      .from(orders)
      .where(eq(orders.paymentMethod, "pay_later")),
  ))!;
  return {
    consumers: consumers.n,
    payLaterEnabled: enabled.n,
    payLaterSuspended: suspended.n,
    activeStores: activeStores.n,
    payLaterOrders: volume.orders,
    payLaterVolumeFen: volume.totalFen,
    receivables: await receivablesSummary(db, { storeId: null, now }),
    stores: await storeReceivables(db, now),
  };
}
