// The merchant's Collections: money that reached the store per day and per order, and what is due next, own store only.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { first } from "@/db/query";
import { bills, orders } from "@/db/schema";
import { localDate } from "@/server/calendar";
import { callerAs, seededDb, userId } from "./helpers";
import { codeOf } from "./fixtures";

describe("merchant collections", () => {
  it("shows a repayment on its day and in the list with its order, at the store it was for only", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const tea = await callerAs(db, clock, "tea@example.com");
    const alice = await callerAs(db, clock, "alice@example.com");
    const aliceId = await userId(db, "alice@example.com");
    const bill = (await first(
      db
        .select({ id: bills.id, number: orders.number, storeId: bills.storeId })
        .from(bills)
        .innerJoin(orders, eq(orders.id, bills.orderId))
        .where(and(eq(bills.consumerId, aliceId), eq(bills.status, "open"))),
    ))!;
    const today = localDate(clock.now());
    const before = (await shop.merchant.receivables.collectionsByDay()).find((d) => d.date === today)!;
    const teaBefore = await tea.merchant.receivables.collectionsByDay();

    await alice.bills.repay({ billId: bill.id, amountFen: 12_345, cardNumber: "4242 4242 4242 4242", idempotencyKey: "collections-test-1" });

    const days = await shop.merchant.receivables.collectionsByDay();
    expect(days).toHaveLength(14);
    expect(days[13]!.date).toBe(today);
    expect(days.find((d) => d.date === today)).toMatchObject({ collectedFen: before.collectedFen + 12_345, payments: before.payments + 1 });
    const onDay = await shop.merchant.receivables.collections({ day: today, limit: 20 });
    expect(onDay.items[0]).toMatchObject({ orderNumber: bill.number, principalFen: 12_345, feeFen: 0, instalmentSeq: 1 });
    expect(onDay.items[0]!.customer).not.toContain("Alice Wu");
    expect(await tea.merchant.receivables.collectionsByDay()).toEqual(teaBefore);
    expect((await tea.merchant.receivables.collections({ limit: 100 })).items.map((e) => e.orderNumber)).not.toContain(bill.number);
  });

  it("pages through every repayment once, newest first", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const all = await shop.merchant.receivables.collections({ limit: 100 });
    expect(all.items.length).toBeGreaterThan(3);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof shop.merchant.receivables.collections>> = await shop.merchant.receivables.collections({
        cursor,
        limit: 2,
      });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e) => e.id));
    const times = all.items.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await codeOf(shop.merchant.receivables.collections({ cursor: "not-a-cursor", limit: 2 }))).toBe("BAD_REQUEST");
  });

  it("lists what is due in the next 30 days by due date", async () => {
    const { db, clock } = await seededDb();
    const expected = await (await callerAs(db, clock, "shop@example.com")).merchant.receivables.expected();
    const today = localDate(clock.now());
    expect(expected.length).toBeGreaterThan(0);
    for (const day of expected) {
      expect(day.dueDate >= today).toBe(true);
      expect(day.owedFen).toBeGreaterThan(0);
    }
    expect(expected.map((d) => d.dueDate)).toEqual([...expected.map((d) => d.dueDate)].sort());
  });

  it("is the merchant's alone: consumers and admins are refused", async () => {
    const { db, clock } = await seededDb();
    for (const email of ["alice@example.com", "admin@example.com"]) {
      const caller = await callerAs(db, clock, email);
      expect(await codeOf(caller.merchant.receivables.collectionsByDay())).toBe("FORBIDDEN");
      expect(await codeOf(caller.merchant.receivables.collections({ limit: 5 }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.merchant.receivables.expected())).toBe("FORBIDDEN");
    }
    expect(await codeOf((await callerAs(db, clock, null)).merchant.receivables.expected())).toBe("UNAUTHORIZED");
  });
});
