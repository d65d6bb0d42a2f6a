// Issue 9: the receivable_days summary table stays equal to a from-scratch recomputation over the
// instalments after every kind of write, and the fast summary equals the full-scan one it replaced.
import { describe, expect, it } from "vitest";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate, daysBetween } from "@/db/dialect";
import { isPg } from "@/db/engine";
import { exec, first, row, rows } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { bills, orders, products, receivableDays, stores } from "@/db/schema";
import { addDays, localDate } from "@/server/calendar";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { listOverdue, overduePageSql } from "@/server/services/receivables/overdue-list";
import { storeReceivables } from "@/server/services/admin/store-receivables";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { callerAs, seededDb, userId } from "./helpers";
import { CARD, newKey, SHIPPING } from "./fixtures";

/** The summary as it was computed before receivable_days: one pass over every instalment. */
async function recomputed(db: Db, storeId: number | null, now: Date) {
  const today = localDate(now);
  const in7 = addDays(today, 7);
  const f = storeId === null ? sql`` : sql`AND store_id = ${storeId}`;
  const owed = sql`(amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen)`;
  const days = sql`(${daysBetween(calendarDate(today), sql`overdue_on`)} + 1)`;
  const r = (await row<Record<string, number | null>>(
    db,
    sql`
    SELECT SUM(CASE WHEN overdue_on > ${today} THEN ${owed} END) AS outstanding,
      COUNT(DISTINCT CASE WHEN overdue_on > ${today} THEN bill_id END) AS outstanding_bills,
      SUM(CASE WHEN overdue_on > ${today} AND due_date <= ${in7} THEN ${owed} END) AS due7,
      SUM(CASE WHEN overdue_on <= ${today} THEN ${owed} END) AS overdue,
      COUNT(DISTINCT CASE WHEN overdue_on <= ${today} THEN bill_id END) AS overdue_bills,
      COUNT(DISTINCT CASE WHEN overdue_on <= ${today} THEN consumer_id END) AS overdue_customers,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 1 AND 30 THEN ${owed} END) AS a1,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 31 AND 60 THEN ${owed} END) AS a2,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} BETWEEN 61 AND 90 THEN ${owed} END) AS a3,
      SUM(CASE WHEN overdue_on <= ${today} AND ${days} >= 91 THEN ${owed} END) AS a4
    FROM instalments WHERE state = 'open' ${f}`,
  ))!;
  const t = (await row<{ due: number; on_time: number }>(
    db,
    sql`
    SELECT COUNT(*) AS due, COALESCE(SUM(CASE WHEN state = 'paid' AND paid_on <= due_date THEN 1 ELSE 0 END), 0) AS on_time
    FROM instalments WHERE state <> 'void' AND (state = 'paid' OR due_date < ${today}) ${f}`,
  ))!;
  const outstandingFen = r.outstanding ?? 0;
  const overdueFen = r.overdue ?? 0;
  return {
    outstandingFen,
    outstandingBills: r.outstanding_bills,
    dueIn7DaysFen: r.due7 ?? 0,
    overdueFen,
    overdueBills: r.overdue_bills,
    overdueCustomers: r.overdue_customers,
    onTimeRate: t.due > 0 ? t.on_time / t.due : null,
    overdueRate: outstandingFen + overdueFen > 0 ? overdueFen / (outstandingFen + overdueFen) : null,
    aging: { d1_30: r.a1 ?? 0, d31_60: r.a2 ?? 0, d61_90: r.a3 ?? 0, d91_plus: r.a4 ?? 0 },
  };
}

/** Every store and the platform: the fast figures equal the recomputed ones, and the invariant holds. */
async function expectSummariesExact(db: Db, now: Date) {
  expect(await checkInvariants(db)).toEqual([]);
  const ids = (await db.select({ id: stores.id }).from(stores)).map((s) => s.id);
  for (const storeId of [null, ...ids]) {
    const { collected30dFen: _collected, ...fast } = await receivablesSummary(db, { storeId, now });
    expect({ storeId, ...fast }).toEqual({ storeId, ...(await recomputed(db, storeId, now)) });
  }
  for (const store of await storeReceivables(db, now)) {
    const r = await recomputed(db, store.storeId, now);
    expect({ id: store.storeId, o: store.outstandingFen, d: store.overdueFen, b: store.overdueBills, d7: store.dueIn7DaysFen }).toEqual({
      id: store.storeId,
      o: r.outstandingFen,
      d: r.overdueFen,
      b: r.overdueBills,
      d7: r.dueIn7DaysFen,
    });
  }
}

describe("receivable_days stays equal to a recomputation", () => {
  it("after the seed, placing, repaying, the credit jobs, cancelling and refunding", async () => {
    const { db, clock } = await seededDb();
    await expectSummariesExact(db, clock.now());

    // Place: a pay-later order adds its instalments.
    const alice = await callerAs(db, clock, "alice@example.com");
    const mouse = (await first(db.select().from(products).where(eq(products.name, "Nimbus Wireless Mouse"))))!;
    await alice.shop.addToCart({ productId: mouse.id, quantity: 2 });
    const placed = await alice.shop.placeOrder({
      ...SHIPPING,
      idempotencyKey: newKey("perf"),
      lines: [{ productId: mouse.id, quantity: 2 }],
      paymentMethod: "pay_later",
      planCode: "pay_in_3",
      expectedTotalFen: mouse.priceFen * 2,
    });
    await expectSummariesExact(db, clock.now());

    // Repay: part of an open bill, then the rest of it.
    const bill = (await first(
      db
        .select()
        .from(bills)
        .where(and(eq(bills.consumerId, await userId(db, "alice@example.com")), eq(bills.status, "open")))
        .orderBy(bills.id),
    ))!;
    await alice.bills.repay({ billId: bill.id, amountFen: 12_345, cardNumber: CARD, idempotencyKey: newKey("perf") });
    await expectSummariesExact(db, clock.now());

    // Time passes: overdue moves by the clock alone, before any job runs; then the jobs charge fees.
    clock.advanceDays(40);
    await expectSummariesExact(db, clock.now());
    await runCreditJobs(db, clock.now());
    await expectSummariesExact(db, clock.now());
    await runCreditJobs(db, clock.now());
    await expectSummariesExact(db, clock.now());

    // Repaying an overdue bill with its fee.
    const erin = await callerAs(db, clock, "erin@example.com");
    const erinBill = (await first(
      db
        .select()
        .from(bills)
        .where(and(eq(bills.consumerId, await userId(db, "erin@example.com")), eq(bills.status, "open")))
        .orderBy(bills.id),
    ))!;
    await erin.bills.repay({ billId: erinBill.id, amountFen: 30_000, cardNumber: CARD, idempotencyKey: newKey("perf") });
    await expectSummariesExact(db, clock.now());

    // Cancel and refund from the merchant side.
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    await shop.orders.cancel({ orderId: placed.orderId, reason: "Out of stock" });
    await expectSummariesExact(db, clock.now());
    const tab = (await first(db.select().from(orders).where(eq(orders.number, "HF-1002"))))!;
    await shop.orders.refund({ orderId: tab.id, amountFen: 150_000, reason: "Scratched screen", idempotencyKey: newKey("perf") });
    await expectSummariesExact(db, clock.now());
    await shop.orders.refund({ orderId: tab.id, amountFen: 179_900, reason: "Returned", idempotencyKey: newKey("perf") });
    await expectSummariesExact(db, clock.now());
  });

  it("the invariant catches a summary row that drifted from the instalments", async () => {
    const { db } = await seededDb();
    await withTransaction(db, async (tx) => {
      const day = (await first(
        tx
          .select()
          .from(receivableDays)
          .where(gt(receivableDays.openCount, 0))
          .orderBy(receivableDays.storeId, receivableDays.dueDate, receivableDays.overdueOn)
          .limit(1),
      ))!;
      await tx
        .update(receivableDays)
        .set({ owedFen: sql`${receivableDays.owedFen} + 1` })
        .where(and(eq(receivableDays.storeId, day.storeId), eq(receivableDays.dueDate, day.dueDate), eq(receivableDays.overdueOn, day.overdueOn)));
    });
    expect((await checkInvariants(db)).map((v) => v.invariant)).toContain("the receivable days equal a recomputation from the instalments");
  });
});

describe("the overdue list's keyset pages by days overdue", () => {
  it("walks one row at a time through exactly the rows of one big page, both directions", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(45);
    const store = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    for (const dir of ["desc", "asc"] as const) {
      const all = (await listOverdue(db, { storeId: store.id, now: clock.now(), sort: "days", dir, limit: 100 })).items;
      expect(all.length).toBeGreaterThan(2);
      const walked = [];
      let cursor: string | null = null;
      do {
        const page = await listOverdue(db, { storeId: store.id, now: clock.now(), sort: "days", dir, cursor, limit: 1 });
        walked.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all);
      const days = all.map((r) => r.daysPastDue);
      expect(days).toEqual([...days].sort((a, b) => (dir === "desc" ? b - a : a - b)));
    }
  });
});

describe("the overdue list's pages by days overdue are seeks", () => {
  it("reads each page in the index's order, first page and deep pages alike, with no sort of a day's rows", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(45);
    const store = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const firstPage = await listOverdue(db, { storeId: store.id, now: clock.now(), sort: "days", dir: "desc", limit: 1 });
    expect(firstPage.nextCursor).not.toBeNull();
    for (const dir of ["desc", "asc"] as const) {
      for (const cursor of [null, firstPage.nextCursor]) {
        const { query } = overduePageSql({ storeId: store.id, now: clock.now(), sort: "days", dir, cursor, limit: 50 });
        // PostgreSQL would rather scan a table this small; ruled out, the index must still give the order.
        const plan = isPg()
          ? await withTransaction(db, async (tx) => {
              await exec(tx, sql`SET LOCAL enable_seqscan = off`);
              return (await rows<{ "QUERY PLAN": string }>(tx, sql`EXPLAIN ${query}`)).map((r) => r["QUERY PLAN"]);
            })
          : (await rows<{ detail: string }>(db, sql`EXPLAIN QUERY PLAN ${query}`)).map((r) => r.detail);
        expect(plan.join("\n")).toContain("instalments_open_store_overdue_on_idx");
        expect(plan.join("\n")).not.toMatch(/TEMP B-TREE|Sort/);
      }
    }
  });
});
