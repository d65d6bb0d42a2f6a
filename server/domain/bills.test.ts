import { describe, expect, it } from "vitest";
import { lateFeeDueFen, nextInstalmentOwedFen, owedTotals, payablesOf, viewInstalment, type BilledInstalment } from "./bills";
import { DEFAULT_POLICY } from "./policy";

const inst = (over: Partial<BilledInstalment>): BilledInstalment => ({
  id: 1,
  seq: 1,
  state: "open",
  dueDate: "2026-11-21",
  overdueOn: "2026-11-25",
  amountFen: 10_000,
  paidPrincipalFen: 0,
  lateFeeFen: 0,
  paidFeeFen: 0,
  overdueMarkedAt: null,
  ...over,
});

describe("lateFeeDueFen", () => {
  it("owes the policy's fee once overdue, even before the jobs charged it", () => {
    expect(lateFeeDueFen(inst({}), "2026-11-24", DEFAULT_POLICY)).toBe(0);
    expect(lateFeeDueFen(inst({}), "2026-11-25", DEFAULT_POLICY)).toBe(1_500);
    expect(lateFeeDueFen(inst({ amountFen: 4_000 }), "2026-11-25", DEFAULT_POLICY)).toBe(1_000);
  });
  it("uses the charged fee once the jobs marked it, and nothing for paid instalments", () => {
    expect(lateFeeDueFen(inst({ overdueMarkedAt: new Date(0), lateFeeFen: 1_200 }), "2026-12-25", DEFAULT_POLICY)).toBe(1_200);
    expect(lateFeeDueFen(inst({ state: "paid", paidPrincipalFen: 10_000 }), "2026-12-25", DEFAULT_POLICY)).toBe(0);
  });
});

describe("bill views", () => {
  const views = [
    viewInstalment(inst({ id: 1, seq: 1 }), "2026-12-01", DEFAULT_POLICY),
    viewInstalment(inst({ id: 2, seq: 2, dueDate: "2026-12-05", overdueOn: "2026-12-09" }), "2026-12-01", DEFAULT_POLICY),
    viewInstalment(inst({ id: 3, seq: 3, dueDate: "2027-01-05", overdueOn: "2027-01-09", amountFen: 9_999 }), "2026-12-01", DEFAULT_POLICY),
  ];

  it("derives status, days past due (from the due date) and what is owed", () => {
    expect(views.map((v) => [v.status, v.daysPastDue, v.owedFen])).toEqual([
      ["overdue", 10, 11_500],
      ["due_soon", 0, 10_000],
      ["upcoming", 0, 9_999],
    ]);
  });

  it("totals overdue and due soon as owed now, the rest as later", () => {
    expect(owedTotals(views)).toEqual({ owedNowFen: 21_500, owedLaterFen: 9_999, overdueFen: 11_500 });
  });

  it("offers the oldest instalment with anything owed as the next payment", () => {
    expect(nextInstalmentOwedFen(views)).toBe(11_500);
    const paidFirst = [viewInstalment(inst({ state: "paid", paidPrincipalFen: 10_000 }), "2026-12-01", DEFAULT_POLICY), ...views.slice(1)];
    expect(nextInstalmentOwedFen(paidFirst)).toBe(10_000);
    expect(payablesOf(paidFirst).map((p) => p.id)).toEqual([2, 3]);
  });

  it("turns open balances into payables with the fee separate", () => {
    expect(payablesOf(views)[0]).toEqual({ id: 1, seq: 1, dueDate: "2026-11-21", principalOwedFen: 10_000, feeOwedFen: 1_500 });
  });
});
