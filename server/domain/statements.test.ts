import { describe, expect, it } from "vitest";
import { monthlyStatements, nextMonth, type StatementEntry } from "./statements";

const entry = (kind: StatementEntry["kind"], on: string, amountFen: number): StatementEntry => ({
  kind,
  on,
  amountFen,
  orderNumber: "HF-1",
  storeName: "Lumen",
});

describe("monthlyStatements", () => {
  it("has no statement before the first entry", () => {
    expect(monthlyStatements([], [], "2026-11")).toEqual([]);
  });

  it("opens each month where the last closed, empty months included, up to the current month", () => {
    const statements = monthlyStatements(
      [
        entry("order", "2026-10-03", 30_000),
        entry("payment", "2026-10-20", 10_000),
        entry("fee", "2026-12-02", 1_500),
        entry("refund", "2026-12-09", 5_000),
      ],
      [],
      "2027-01",
    );
    expect(statements.map((s) => [s.month, s.openingFen, s.closingFen])).toEqual([
      ["2026-10", 0, 20_000],
      ["2026-11", 20_000, 20_000],
      ["2026-12", 20_000, 16_500],
      ["2027-01", 16_500, 16_500],
    ]);
    expect(statements[2]).toMatchObject({
      feesFen: 1_500,
      refundsFen: 5_000,
      entries: [expect.objectContaining({ kind: "fee" }), expect.objectContaining({ kind: "refund" })],
    });
  });

  it("counts cancellations with refunds and ignores what happens after the current month", () => {
    const [only] = monthlyStatements(
      [entry("order", "2026-11-01", 9_000), entry("cancellation", "2026-11-02", 9_000), entry("order", "2026-12-01", 1)],
      [],
      "2026-11",
    );
    expect(only).toMatchObject({ ordersFen: 9_000, refundsFen: 9_000, closingFen: 0 });
  });

  it("shows what falls due next month as scheduled by the month's end, not what a later order or a cancellation changed", () => {
    const scheduled = [
      { orderNumber: "HF-1", dueDate: "2026-12-05", amountFen: 100, billedOn: "2026-11-05", cancelledOn: null },
      { orderNumber: "HF-2", dueDate: "2026-12-20", amountFen: 200, billedOn: "2026-12-01", cancelledOn: null },
      { orderNumber: "HF-3", dueDate: "2026-12-25", amountFen: 400, billedOn: "2026-11-06", cancelledOn: "2026-11-07" },
      { orderNumber: "HF-1", dueDate: "2027-01-05", amountFen: 800, billedOn: "2026-11-05", cancelledOn: null },
    ];
    const [november, december] = monthlyStatements([entry("order", "2026-11-05", 1_500)], scheduled, "2026-12");
    expect(november!.dueNextMonthFen).toBe(100);
    expect(december!.dueNextMonthFen).toBe(800);
  });

  it("does not show as due next month what was already paid: a repayment pays the oldest instalment first", () => {
    // ¥7.98 in three instalments; the third, due Nov 3, paid on Oct 31 with the second paid on Oct 3.
    const scheduled = ["2026-09-04", "2026-10-04", "2026-11-03"].map((dueDate) => ({
      orderNumber: "HF-1",
      dueDate,
      amountFen: 266,
      billedOn: "2026-08-05",
      cancelledOn: null,
    }));
    const paid = (on: string) => entry("payment", on, 266);
    const statements = monthlyStatements(
      [entry("order", "2026-08-05", 798), paid("2026-09-02"), paid("2026-10-03"), paid("2026-10-31")],
      scheduled,
      "2026-10",
    );
    expect(statements.map((st) => [st.month, st.closingFen, st.dueNextMonthFen])).toEqual([
      ["2026-08", 798, 266],
      ["2026-09", 532, 266],
      ["2026-10", 0, 0],
    ]);
    // Half of the third paid early: the other half is still due in November.
    const partly = monthlyStatements(
      [entry("order", "2026-08-05", 798), paid("2026-09-02"), paid("2026-10-03"), entry("payment", "2026-10-31", 133)],
      scheduled,
      "2026-10",
    );
    expect(partly.at(-1)).toMatchObject({ closingFen: 133, dueNextMonthFen: 133 });
  });

  it("steps months across a year end", () => {
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(nextMonth("2027-09")).toBe("2027-10");
  });
});
