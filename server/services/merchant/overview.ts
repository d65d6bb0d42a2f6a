import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { orders, stores } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate, startOfLocalDate } from "@/server/calendar";
import { newlyOverdue } from "@/server/services/receivables/overdue-list";
import { receivablesSummary } from "@/server/services/receivables/summary";

/** Today's figures for one store and what needs the merchant's attention. */
export async function merchantOverview(db: Db, clock: Clock, storeId: number) {
  const now = clock.now();
  const startOfToday = startOfLocalDate(localDate(now));
  const store = (await first(
    db
      .select({ name: stores.name, slug: stores.slug, payLaterEnabled: stores.payLaterEnabled, payLaterForcedOff: stores.payLaterForcedOff })
      .from(stores)
      .where(eq(stores.id, storeId)),
  ))!;
  const today = (await first(
    db
      .select({ orders: count(), salesFen: sql<number>`COALESCE(SUM(${orders.totalFen}), 0)` })
      .from(orders)
      .where(and(eq(orders.storeId, storeId), gte(orders.createdAt, startOfToday))),
  ))!;
  const toShip = (await first(
    db
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.storeId, storeId), eq(orders.status, "placed"))),
  ))!;
  return {
    store,
    ordersToday: today.orders,
    salesTodayFen: today.salesFen,
    ordersToShip: toShip.n,
    newlyOverdue: await newlyOverdue(db, { storeId, now }),
    receivables: await receivablesSummary(db, { storeId, now }),
  };
}
