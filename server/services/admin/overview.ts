import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditProfiles, orders, stores, users } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { storeReceivables } from "./store-receivables";

/** Platform-wide figures for the admin overview. */
export function platformOverview(db: Db, clock: Clock) {
  const now = clock.now();
  const consumers = db.select({ n: count() }).from(users).where(eq(users.role, "consumer")).get()!;
  const enabled = db.select({ n: count() }).from(creditProfiles).where(eq(creditProfiles.payLaterStatus, "enabled")).get()!;
  const suspended = db.select({ n: count() }).from(creditProfiles).where(eq(creditProfiles.payLaterStatus, "suspended")).get()!;
  const activeStores = db.select({ n: count() }).from(stores).where(eq(stores.active, true)).get()!;
  const volume = db
    .select({ orders: count(), totalFen: sql<number>`COALESCE(SUM(${orders.totalFen}), 0)` })
    .from(orders)
    .where(eq(orders.paymentMethod, "pay_later"))
    .get()!;
  return {
    consumers: consumers.n,
    payLaterEnabled: enabled.n,
    payLaterSuspended: suspended.n,
    activeStores: activeStores.n,
    payLaterOrders: volume.orders,
    payLaterVolumeFen: volume.totalFen,
    receivables: receivablesSummary(db, { storeId: null, now }),
    stores: storeReceivables(db, now),
  };
}
