import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";

import { users } from "@/db/schema";
import { addDays } from "@/server/calendar";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { weeklyTrend } from "@/server/services/receivables/weekly-trend";
import { receivablesExportRows } from "@/server/services/receivables/export-rows";
import { withTransaction } from "@/db/transaction";
import { callerAs, SEED_NOW, userId } from "./helpers";
import { TODAY, buildFixture } from "./merchant-fixture";

describe("receivables figures on a hand-built store", () => {
  it("gives the known outstanding, due-soon, overdue, aging, collected and rates", async () => {
    const { db, store } = await buildFixture();
    const s = await receivablesSummary(db, { storeId: store, now: SEED_NOW });
    // A (in grace), E and F are outstanding; A and E fall due within 7 days.
    expect(s.outstandingFen).toBe(10_000 + 50_000 + 60_000);
    expect(s.outstandingBills).toBe(3);
    expect(s.dueIn7DaysFen).toBe(10_000 + 50_000);
    // B (1 day, with its fee), C (37 days, ¥50 paid), D (97 days).
    expect(s.overdueFen).toBe(21_500 + 25_000 + 40_000);
    expect(s.overdueBills).toBe(3);
    expect(s.overdueCustomers).toBe(2);
    expect(s.aging).toEqual({ d1_30: 21_500, d31_60: 25_000, d61_90: 0, d91_plus: 40_000 });
    // Only G's payment was in the last 30 days (C's was 45 days ago).
    expect(s.collected30dFen).toBe(7_000);
    // Come due: A, B, C, D, G; only G paid by its due date.
    expect(s.onTimeRate).toBeCloseTo(1 / 5, 10);
    expect(s.overdueRate).toBeCloseTo(86_500 / 206_500, 10);
  });

  it("puts the grace boundary right: due 3 days ago is 3 days past due in grace, due 4 days ago is overdue, 4 days past due", async () => {
    const { db, clock, ids } = await buildFixture();
    const merchant = (await callerAs(db, clock, "owner@example.com")).merchant;
    const a = await merchant.orders.detail({ orderId: ids.A.order });
    expect(a.bill!.instalments[0]).toMatchObject({ status: "in_grace", daysPastDue: 3, lateFeeFrom: addDays(TODAY, 1) });
    const b = await merchant.orders.detail({ orderId: ids.B.order });
    expect(b.bill!.instalments[0]).toMatchObject({ status: "overdue", daysPastDue: 4, owedFen: 21_500 });
    // A day later A is overdue, 4 days past due, without any job having run.
    clock.advanceDays(1);
    const later = await merchant.orders.detail({ orderId: ids.A.order });
    expect(later.bill!.instalments[0]).toMatchObject({ status: "overdue", daysPastDue: 4 });
    expect((await receivablesSummary(db, { storeId: (await merchant.settings()).id, now: clock.now() })).aging.d1_30).toBe(21_500 + 10_000);
  });

  it("lists the overdue instalments sorted by days or amount, page by page", async () => {
    const { db, clock, ids } = await buildFixture();
    const merchant = (await callerAs(db, clock, "owner@example.com")).merchant;
    const first = await merchant.receivables.overdue({ sort: "days", dir: "desc", limit: 2 });
    expect(first.items.map((i) => [i.daysPastDue, i.amountOverdueFen])).toEqual([
      [100, 40_000],
      [40, 25_000],
    ]);
    expect(first.items[0]!.customer).toEqual({ name: "B*** L.", email: "b***@example.com" });
    const second = await merchant.receivables.overdue({ sort: "days", dir: "desc", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => [i.daysPastDue, i.lateFeeFen, i.orderId])).toEqual([[4, 1_500, ids.B.order]]);
    expect(second.nextCursor).toBeNull();
    const byAmount = await merchant.receivables.overdue({ sort: "amount", dir: "asc", limit: 10 });
    expect(byAmount.items.map((i) => i.amountOverdueFen)).toEqual([21_500, 25_000, 40_000]);
    const overview = await merchant.overview();
    expect(overview.newlyOverdue).toEqual({ count: 1, amountFen: 21_500 });
  });

  it("charts twelve weeks ending today, whose last overdue point equals today's overdue", async () => {
    const { db, store } = await buildFixture();
    const weeks = await weeklyTrend(db, { storeId: store, now: SEED_NOW });
    expect(weeks).toHaveLength(12);
    expect(weeks[11]!.weekEnd).toBe(TODAY);
    expect(weeks[11]!.overdueFen).toBe(86_500);
    // F (placed 10 days ago) was sold in the previous week; G's ¥70 was collected then too.
    expect(weeks[10]!.salesFen).toBe(60_000);
    expect(weeks[10]!.collectedFen).toBe(7_000);
    // 20 days ago (week 9 ends 14 days ago): D and C were overdue (C's ¥50 was paid before); B was not yet.
    expect(weeks[9]!.overdueFen).toBe(40_000 + 25_000);
    // D (130 days ago) and H (90 days ago) were sold before the twelve weeks.
    expect(weeks.reduce((sum, w) => sum + w.salesFen, 0)).toBe(10_000 + 20_000 + 30_000 + 50_000 + 60_000 + 7_000);
  });

  it("exports every open or paid instalment, masked, with exact amounts", async () => {
    const { db, store } = await buildFixture();
    const rows: string[][] = [];
    for await (const batch of receivablesExportRows(db, { storeId: store, now: SEED_NOW, batchSize: 4 })) rows.push(...batch);
    expect(rows).toHaveLength(7); // A–G, not the void H nor the other store's
    const b = rows.find((r) => r[0] === "FX-2")!;
    expect(b).toEqual([
      "FX-2",
      addDays(TODAY, -34),
      "A*** W.",
      "a***@example.com",
      "1",
      addDays(TODAY, -4),
      "overdue",
      "4",
      "200.00",
      "0.00",
      "15.00",
      "0.00",
      "215.00",
    ]);
    expect(rows.find((r) => r[0] === "FX-7")!.slice(6)).toEqual(["paid", "0", "70.00", "70.00", "0.00", "0.00", "0.00"]);
  });

  it("exports a customer's formula-like name and email as text, not as a formula", async () => {
    const { db, store } = await buildFixture();
    const amy = await userId(db, "amy@example.com");
    await withTransaction(db, (tx) =>
      tx.update(users).set({ name: '=HYPERLINK("http://evil.example","x") Wang', email: "+cmd@example.com" }).where(eq(users.id, amy)),
    );
    const rows: string[][] = [];
    for await (const batch of receivablesExportRows(db, { storeId: store, now: SEED_NOW })) rows.push(...batch);
    const b = rows.find((r) => r[0] === "FX-2")!;
    expect(b.slice(2, 4)).toEqual(["'=*** W.", "'+***@example.com"]);
    expect(rows.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});
