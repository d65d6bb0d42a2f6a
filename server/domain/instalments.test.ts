import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, localDate } from "./dates";
import {
  agingBucket,
  buildSchedule,
  daysOverdue,
  instalmentStanding,
  instalmentStatus,
  lateFeeFor,
  overdueOnFor,
  type InstalmentFacts,
} from "./instalments";
import { splitFen } from "./money";
import { DEFAULT_POLICY, findPlan } from "./policy";

const payIn3 = findPlan(DEFAULT_POLICY, "pay_in_3")!;
const payIn30 = findPlan(DEFAULT_POLICY, "pay_in_30")!;

describe("splitFen and buildSchedule", () => {
  it("gives the remainder fen to the first instalments", () => {
    expect(splitFen(100, 3)).toEqual([34, 33, 33]);
    expect(splitFen(101, 3)).toEqual([34, 34, 33]);
    expect(splitFen(2, 3)).toEqual([1, 1, 0]);
    expect(splitFen(0, 3)).toEqual([0, 0, 0]);
  });

  it("refuses fractional or negative totals and part counts", () => {
    expect(() => splitFen(10.5, 2)).toThrow(RangeError);
    expect(() => splitFen(-1, 2)).toThrow(RangeError);
    expect(() => splitFen(10, 0)).toThrow(RangeError);
  });

  it("property: the parts add up to the total and differ by at most one fen, largest first", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 12 }), (total, parts) => {
        const split = splitFen(total, parts);
        const sum = split.reduce((s, x) => s + x, 0);
        const sorted = [...split].sort((a, b) => b - a);
        return (
          split.length === parts &&
          sum === total &&
          Math.max(...split) - Math.min(...split) <= 1 &&
          split.every((x, i) => x === sorted[i] && Number.isInteger(x))
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("schedules Pay in 3 at 30, 60 and 90 days, overdue the day after grace", () => {
    expect(buildSchedule(329_900, payIn3, "2026-11-20", 3)).toEqual([
      { seq: 1, dueDate: "2026-12-20", overdueOn: "2026-12-24", amountFen: 109_967 },
      { seq: 2, dueDate: "2027-01-19", overdueOn: "2027-01-23", amountFen: 109_967 },
      { seq: 3, dueDate: "2027-02-18", overdueOn: "2027-02-22", amountFen: 109_966 },
    ]);
    expect(buildSchedule(129_900, payIn30, "2027-02-15", 0)).toEqual([
      { seq: 1, dueDate: "2027-03-17", overdueOn: "2027-03-18", amountFen: 129_900 },
    ]);
  });

  it("property: a schedule's amounts add up to the order total and its due dates climb", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.constantFrom(payIn3, payIn30),
        fc.integer({ min: 0, max: 60 }),
        (total, plan, grace) => {
          const schedule = buildSchedule(total, plan, "2026-12-31", grace);
          return (
            schedule.reduce((s, x) => s + x.amountFen, 0) === total &&
            schedule.every((x, i) => i === 0 || x.dueDate > schedule[i - 1]!.dueDate) &&
            schedule.every((x) => x.overdueOn === overdueOnFor(x.dueDate, grace))
          );
        },
      ),
    );
  });
});

describe("lateFeeFor", () => {
  it("charges the flat fee when it is under the cap", () => {
    expect(lateFeeFor(129_900, DEFAULT_POLICY)).toBe(1_500);
    expect(lateFeeFor(6_000, DEFAULT_POLICY)).toBe(1_500); // exactly 25%
  });
  it("caps the fee at 25% of the instalment, rounding down", () => {
    expect(lateFeeFor(5_999, DEFAULT_POLICY)).toBe(1_499);
    expect(lateFeeFor(4_000, DEFAULT_POLICY)).toBe(1_000);
    expect(lateFeeFor(3, DEFAULT_POLICY)).toBe(0);
  });
  it("follows the policy's fee and cap", () => {
    expect(lateFeeFor(10_000, { lateFeeFen: 2_000, lateFeeCapBps: 0 })).toBe(0);
    expect(lateFeeFor(10_000, { lateFeeFen: 2_000, lateFeeCapBps: 10_000 })).toBe(2_000);
    expect(lateFeeFor(10_000, { lateFeeFen: 0, lateFeeCapBps: 2_500 })).toBe(0);
  });
  it("property: never above the flat fee nor the capped share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, fee, bps) => {
          const charged = lateFeeFor(amount, { lateFeeFen: fee, lateFeeCapBps: bps });
          return Number.isInteger(charged) && charged >= 0 && charged <= fee && charged * 10_000 <= amount * bps;
        },
      ),
    );
  });
});

describe("instalmentStatus and daysOverdue", () => {
  // Due 2026-11-21, grace 3: overdue from 2026-11-25 in Shanghai.
  const open: InstalmentFacts = {
    state: "open",
    dueDate: "2026-11-21",
    overdueOn: "2026-11-25",
    amountFen: 10_000,
    paidPrincipalFen: 0,
    lateFeeFen: 0,
    paidFeeFen: 0,
  };

  it("is upcoming more than 7 days ahead, due soon within 7 days, in grace after the due date, overdue after grace", () => {
    expect(instalmentStatus(open, "2026-11-13")).toBe("upcoming");
    expect(instalmentStatus(open, "2026-11-14")).toBe("due_soon");
    expect(instalmentStatus(open, "2026-11-21")).toBe("due_soon");
    expect(instalmentStatus(open, "2026-11-22")).toBe("in_grace");
    expect(instalmentStatus(open, "2026-11-24")).toBe("in_grace");
    expect(instalmentStatus(open, "2026-11-25")).toBe("overdue");
  });

  it("counts days past due from the due date; the grace only delays the late fee", () => {
    // The cases: due Nov 20 seen Dec 1 is 11 days past due; due Nov 28 seen Dec 1 is past due, in grace.
    const nov20 = { ...open, dueDate: "2026-11-20", overdueOn: overdueOnFor("2026-11-20", 3) };
    expect(instalmentStanding(nov20, "2026-12-01")).toEqual({ status: "overdue", daysPastDue: 11, lateFeeFrom: null });
    const nov28 = { ...open, dueDate: "2026-11-28", overdueOn: overdueOnFor("2026-11-28", 3) };
    expect(instalmentStanding(nov28, "2026-12-01")).toEqual({ status: "in_grace", daysPastDue: 3, lateFeeFrom: "2026-12-02" });
    expect(instalmentStanding(nov28, "2026-11-28")).toEqual({ status: "due_soon", daysPastDue: 0, lateFeeFrom: null });
    expect(instalmentStanding({ ...nov20, paidPrincipalFen: 10_000 }, "2026-12-01")).toEqual({ status: "paid", daysPastDue: 0, lateFeeFrom: null });
  });

  it("has a day past due for every day after the due date, and is overdue exactly from overdueOn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -60, max: 200 }), (grace, offset) => {
        const inst = { ...open, overdueOn: overdueOnFor(open.dueDate, grace) };
        const today = addDays(open.dueDate, offset);
        const standing = instalmentStanding(inst, today);
        return (
          standing.daysPastDue === Math.max(0, offset) &&
          (standing.status === "overdue") === offset > grace &&
          (standing.status === "in_grace") === (offset > 0 && offset <= grace) &&
          agingBucket(standing.daysPastDue) === (offset > 0 ? agingBucket(offset) : null)
        );
      }),
    );
  });

  it("counts days overdue from the first day after grace", () => {
    expect(daysOverdue(open, "2026-11-24")).toBe(0);
    expect(daysOverdue(open, "2026-11-25")).toBe(1);
    expect(daysOverdue(open, "2026-12-24")).toBe(30);
    expect(daysOverdue(open, "2027-02-23")).toBe(91);
  });

  it("changes day at midnight in Shanghai, not at midnight UTC", () => {
    const before = localDate(new Date("2026-11-24T15:59:00Z"), "Asia/Shanghai"); // 23:59 on the 24th in Shanghai
    const after = localDate(new Date("2026-11-24T16:01:00Z"), "Asia/Shanghai"); // 00:01 on the 25th in Shanghai
    expect([before, after]).toEqual(["2026-11-24", "2026-11-25"]);
    expect(instalmentStatus(open, before)).toBe("in_grace");
    expect(instalmentStatus(open, after)).toBe("overdue");
    expect(daysOverdue(open, after)).toBe(1);
    expect(localDate(new Date("2026-11-25T15:59:00Z"), "Asia/Shanghai")).toBe("2026-11-25");
    expect(localDate(new Date("2026-11-25T16:01:00Z"), "Asia/Shanghai")).toBe("2026-11-26");
    expect(daysOverdue(open, localDate(new Date("2026-11-25T16:01:00Z"), "Asia/Shanghai"))).toBe(2);
  });

  it("is paid once nothing is owed, or when stored as paid, and void stays void", () => {
    expect(instalmentStatus({ ...open, paidPrincipalFen: 10_000 }, "2026-12-30")).toBe("paid");
    expect(instalmentStatus({ ...open, state: "paid", paidPrincipalFen: 10_000 }, "2026-11-01")).toBe("paid");
    expect(instalmentStatus({ ...open, state: "void" }, "2026-12-30")).toBe("void");
  });

  it("stays overdue while only the late fee is unpaid", () => {
    expect(instalmentStatus({ ...open, paidPrincipalFen: 10_000, lateFeeFen: 1_500 }, "2026-11-30")).toBe("overdue");
  });
});
