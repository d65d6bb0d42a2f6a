// A generated pay-later history for the statements tests: a seeded random walk over months of orders, shipments,
// partial refunds, cancellations, partial repayments and late fees (the credit jobs run at every step), recording
// what the bills said was owed at the end of each calendar month.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { row } from "@/db/query";
import * as s from "@/db/schema";
import type { MovableClock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { CARD, newKey } from "./fixtures";
import { MOUSE, payLaterOrder } from "./checkout-fixture";
import { callerAs, userId } from "./helpers";

/** Mulberry32: the same sequence for the same seed, so a failure replays. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[int(0, items.length - 1)] : undefined);
  return { next, int, pick };
}

/** What the bills page shows as owed in total (owed now and owed later). */
export async function billsOwedFen(db: Db, clock: MovableClock, email: string): Promise<number> {
  const { totals } = await (await callerAs(db, clock, email)).bills.list();
  return totals.owedNowFen + totals.owedLaterFen;
}

/** Every bill's owed amount from its instalments (charged fees only), keyed by order number. */
export async function owedByOrder(db: Db, consumerId: number): Promise<Map<string, number>> {
  const rows = await db
    .select({
      number: s.orders.number,
      owedFen: sql<number>`COALESCE(SUM(CASE WHEN ${s.instalments.state} = 'open'
        THEN ${s.instalments.amountFen} - ${s.instalments.paidPrincipalFen} + ${s.instalments.lateFeeFen} - ${s.instalments.paidFeeFen} ELSE 0 END), 0)`,
    })
    .from(s.bills)
    .innerJoin(s.orders, eq(s.orders.id, s.bills.orderId))
    .innerJoin(s.instalments, eq(s.instalments.billId, s.bills.id))
    .where(eq(s.bills.consumerId, consumerId))
    .groupBy(s.orders.number);
  return new Map(rows.map((r) => [r.number, Number(r.owedFen)]));
}

export type GeneratedHistory = { monthEndOwedFen: Map<string, number>; counts: Record<string, number> };

/**
 * Walks `steps` random steps for alice from the clock's time. Refusals (credit used up, suspended while overdue,
 * nothing to refund) are part of the walk: they change nothing and are skipped.
 */
export async function generateHistory(db: Db, clock: MovableClock, seed: number, steps: number): Promise<GeneratedHistory> {
  const rand = randomSource(seed);
  const email = "alice@example.com";
  const aliceId = await userId(db, email);
  const counts: Record<string, number> = { order: 0, ship: 0, refund: 0, cancel: 0, repay: 0, feeRefund: 0 };
  const monthEndOwedFen = new Map<string, number>();
  const ordersOf = (status: string) =>
    db
      .select({ id: s.orders.id, totalFen: s.orders.totalFen, refundedFen: s.orders.refundedFen })
      .from(s.orders)
      .where(sql`${s.orders.consumerId} = ${aliceId} AND ${s.orders.status} = ${status} AND ${s.orders.paymentMethod} = 'pay_later'`)
      .orderBy(s.orders.id);
  const attempt = async (kind: string, action: () => Promise<unknown>) => {
    try {
      await action();
      counts[kind] = (counts[kind] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof Error) || !("code" in error)) throw error;
    }
  };

  for (let step = 0; step < steps; step++) {
    const alice = await callerAs(db, clock, email);
    const shop = await callerAs(db, clock, "shop@example.com");
    const roll = rand.next();
    if (roll < 0.3) {
      const order = await payLaterOrder(db, [[MOUSE, rand.int(1, 3)]], rand.next() < 0.7 ? "pay_in_3" : "pay_in_30");
      await attempt("order", () => alice.shop.placeOrder(order));
    } else if (roll < 0.45) {
      const placed = rand.pick(await ordersOf("placed"));
      if (placed) await attempt("ship", () => shop.merchant.orders.ship({ orderId: placed.id }));
    } else if (roll < 0.6) {
      const shipped = rand.pick([...(await ordersOf("shipped")), ...(await ordersOf("completed"))]);
      if (shipped) {
        const fees = await row<{ n: number }>(
          db,
          sql`SELECT COALESCE(SUM(i.late_fee_fen), 0) AS n FROM instalments i JOIN bills b ON b.id = i.bill_id WHERE b.order_id = ${shipped.id}`,
        );
        const refundable = shipped.totalFen - shipped.refundedFen;
        const amountFen = rand.int(1, Math.max(1, Math.floor(refundable * 0.6)));
        await attempt(Number(fees?.n) > 0 ? "feeRefund" : "refund", () =>
          shop.merchant.orders.refund({ orderId: shipped.id, amountFen, reason: "Part returned", idempotencyKey: newKey() }),
        );
      }
    } else if (roll < 0.65) {
      const placed = rand.pick(await ordersOf("placed"));
      if (placed) await attempt("cancel", () => alice.shop.cancelOrder({ orderId: placed.id }));
    } else {
      const open = (await alice.bills.list()).bills.filter((b) => b.status === "open" && b.owedFen > 0);
      const bill = rand.pick(open);
      if (bill) {
        const amountFen = rand.next() < 0.4 ? bill.owedFen : rand.int(1, bill.owedFen);
        await attempt("repay", () => alice.bills.repay({ billId: bill.id, amountFen, cardNumber: CARD, idempotencyKey: newKey() }));
      }
    }
    // Time passes (sometimes long enough for an instalment to go overdue) and the jobs run, as they would nightly.
    const before = localDate(clock.now()).slice(0, 7);
    monthEndOwedFen.set(before, await billsOwedFen(db, clock, email));
    clock.advanceDays(rand.next() < 0.15 ? rand.int(15, 35) : rand.int(1, 6));
    await runCreditJobs(db, clock.now());
  }
  return { monthEndOwedFen, counts };
}
