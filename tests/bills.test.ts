import { describe, expect, it } from "vitest";
import { callerAs, seededDb } from "./helpers";
import { CARD, failure, newKey } from "./fixtures";
import { openBillOf, instalmentsOf } from "./bills-fixture";

describe("the bills list", () => {
  it("shows alice's open bill with derived statuses and dave's overdue bill with days and fee", async () => {
    const { db, clock } = await seededDb();
    const alice = await (await callerAs(db, clock, "alice@example.com")).bills.list();
    const open = alice.bills.filter((b) => b.status === "open");
    expect(open).toHaveLength(1);
    expect(open[0]!.instalments.map((i) => [i.status, i.amountFen])).toEqual([
      ["upcoming", 109_967],
      ["upcoming", 109_967],
      ["upcoming", 109_966],
    ]);
    expect(open[0]!.nextInstalmentFen).toBe(109_967);
    expect(alice.bills.some((b) => b.status === "paid")).toBe(true);
    expect(alice.totals).toEqual({ owedNowFen: 0, owedLaterFen: 329_900, overdueFen: 0 });

    const dave = await (await callerAs(db, clock, "dave@example.com")).bills.list();
    expect(dave.bills[0]!.instalments[0]).toMatchObject({ status: "overdue", daysPastDue: 11, lateFeeFen: 1_500, owedFen: 131_400 });
    expect(dave.totals).toEqual({ owedNowFen: 131_400, owedLaterFen: 0, overdueFen: 131_400 });
  });

  it("derives overdue and the fee from the clock when the jobs have not run", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(30); // alice's first instalment: due in 25 days, grace 3, so 5 days past due and overdue
    const alice = await (await callerAs(db, clock, "alice@example.com")).bills.list();
    const first = alice.bills.find((b) => b.status === "open")!.instalments[0]!;
    expect(first).toMatchObject({ status: "overdue", daysPastDue: 5, lateFeeFen: 1_500, owedFen: 111_467 });
    expect((await instalmentsOf(db, (await openBillOf(db, "alice@example.com")).id))[0]!.lateFeeFen).toBe(0);
  });

  it("is only for consumers, and only their own bills", async () => {
    const { db, clock } = await seededDb();
    expect((await failure((await callerAs(db, clock, "shop@example.com")).bills.list())).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(db, clock, null)).bills.list())).code).toBe("UNAUTHORIZED");
    const aliceBill = await openBillOf(db, "alice@example.com");
    const bob = await callerAs(db, clock, "bob@example.com");
    expect((await failure(bob.bills.repay({ billId: aliceBill.id, amountFen: 100, cardNumber: CARD, idempotencyKey: newKey() }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await bob.bills.list()).bills.every((b) => b.id !== aliceBill.id)).toBe(true);
  });
});

describe("what is past due", () => {
  it("says dave's ¥1,314.00 is 11 days past due, counted from the due date, on the overview and for the header", async () => {
    const { db, clock } = await seededDb();
    const dave = await callerAs(db, clock, "dave@example.com");
    const expected = { owedFen: 131_400, daysPastDue: 11, overdue: true, lateFeeFrom: null };
    expect(await dave.bills.pastDue()).toEqual(expected);
    expect((await dave.credit.summary()).pastDue).toEqual(expected);
    // His checkout refusal leads to the bill: what he must do is repay.
    expect((await dave.shop.checkout()).owesOverdue).toBe(true);
    const alice = await callerAs(db, clock, "alice@example.com");
    expect(await alice.bills.pastDue()).toBeNull();
    expect((await alice.shop.checkout()).owesOverdue).toBe(false);
  });

  it("is past due but in grace the day after the due date: no fee yet, and the day it starts", async () => {
    const { db, clock } = await seededDb();
    clock.advanceDays(26); // alice's first instalment is due 25 days after the seed
    const alice = await callerAs(db, clock, "alice@example.com");
    const bill = (await alice.bills.list()).bills.find((b) => b.status === "open")!;
    expect(bill.instalments[0]).toMatchObject({ status: "in_grace", daysPastDue: 1, lateFeeFen: 0 });
    const feeFrom = bill.instalments[0]!.lateFeeFrom!;
    expect(await alice.bills.pastDue()).toEqual({ owedFen: 109_967, daysPastDue: 1, overdue: false, lateFeeFrom: feeFrom });
    expect(feeFrom > bill.instalments[0]!.dueDate).toBe(true);
  });
});
