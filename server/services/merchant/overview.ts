import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, stores } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate, startOfLocalDate } from "@/server/domain/dates";
import { newlyOverdue } from "@/server/services/receivables/overdue-list";
import { receivablesSummary } from "@/server/services/receivables/summary";

/** Today's figures for one store and what needs the merchant's attention. */
export function merchantOverview(db: Db, clock: Clock, storeId: number) {
  const now = clock.now();
  const startOfToday = startOfLocalDate(localDate(now));
  const store = db
    .select({ name: stores.name, slug: stores.slug, payLaterEnabled: stores.payLaterEnabled, payLaterForcedOff: stores.payLaterForcedOff })
    .from(stores)
    .where(eq(stores.id, storeId))
    .get()!;
  const today = db
    .select({ orders: count(), salesFen: sql<number>`COALESCE(SUM(${orders.totalFen}), 0)` })
    .from(orders)
    .where(and(eq(orders.storeId, storeId), gte(orders.createdAt, startOfToday)))
    .get()!;
  const toShip = db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.status, "placed")))
    .get()!;
  return {
    store,
    ordersToday: today.orders,
    salesTodayFen: today.salesFen,
    ordersToShip: toShip.n,
    newlyOverdue: newlyOverdue(db, { storeId, now }),
    receivables: receivablesSummary(db, { storeId, now }),
  };
}
