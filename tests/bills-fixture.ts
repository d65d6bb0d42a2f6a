// Read-backs and a counting payment provider the bills and credit-jobs tests share.
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import * as s from "@/db/schema";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { userId } from "./helpers";

export async function profile(db: Db, email: string) {
  return (await first(
    db
      .select()
      .from(s.creditProfiles)
      .where(eq(s.creditProfiles.userId, await userId(db, email))),
  ))!;
}

export async function openBillOf(db: Db, email: string) {
  return (await first(
    db
      .select()
      .from(s.bills)
      .where(and(eq(s.bills.consumerId, await userId(db, email)), eq(s.bills.status, "open")))
      .orderBy(s.bills.id)
      .limit(1),
  ))!;
}

export function instalmentsOf(db: Db, billId: number) {
  return db.select().from(s.instalments).where(eq(s.instalments.billId, billId)).orderBy(s.instalments.seq);
}

export function eventsLike(db: Db, pattern: string) {
  return db.select().from(s.creditEvents).where(like(s.creditEvents.effectKey, pattern)).orderBy(s.creditEvents.id);
}

/**
 * A provider that records what it was asked to do. With `together` above 1, each charge waits (up to two seconds)
 * until that many charges were asked for: racing requests then all pass their checks and charge before any of them
 * records its payment, on either engine, whatever the timing of the database.
 */
export function spyProvider(together = 1): PaymentProvider & { charges: number; refunds: number } {
  let allCharging!: () => void;
  const charging = new Promise<void>((resolve) => (allCharging = resolve));
  const spy = {
    charges: 0,
    refunds: 0,
    async charge(request: Parameters<PaymentProvider["charge"]>[0]) {
      spy.charges += 1;
      if (spy.charges >= together) allCharging();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([charging, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      clearTimeout(timer);
      return simulatedProvider.charge(request);
    },
    async refund(request: Parameters<PaymentProvider["refund"]>[0]) {
      spy.refunds += 1;
      return simulatedProvider.refund(request);
    },
  };
  return spy;
}

/** Everything the jobs could change about credit, for before/after comparisons. */
export async function creditFacts(db: Db) {
  return {
    instalments: await db.select().from(s.instalments).orderBy(s.instalments.id),
    events: await db.select().from(s.creditEvents).orderBy(s.creditEvents.id),
    profiles: await db.select().from(s.creditProfiles).orderBy(s.creditProfiles.userId),
    bills: await db.select().from(s.bills).orderBy(s.bills.id),
  };
}

/** Payments and notifications, for "wrote nothing" comparisons. */
export async function paymentFacts(db: Db) {
  return {
    payments: await db.select().from(s.payments).orderBy(s.payments.id),
    allocations: await db.select().from(s.paymentAllocations).orderBy(s.paymentAllocations.id),
    notifications: await db.select().from(s.notifications).orderBy(s.notifications.id),
  };
}
