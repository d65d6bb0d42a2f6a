import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocatePayment, type Payable } from "./allocation";

const p = (id: number, dueDate: string, principalOwedFen: number, feeOwedFen = 0, seq = id): Payable => ({
  id,
  seq,
  dueDate,
  principalOwedFen,
  feeOwedFen,
});

describe("allocatePayment", () => {
  const bill = [p(1, "2026-12-01", 10_000, 1_500), p(2, "2027-01-01", 10_000), p(3, "2027-02-01", 9_999)];

  it("pays the late fee before the principal of the same instalment", () => {
    expect(allocatePayment(1_000, bill)).toEqual({ ok: true, allocations: [{ instalmentId: 1, feeFen: 1_000, principalFen: 0 }] });
    expect(allocatePayment(2_000, bill)).toEqual({ ok: true, allocations: [{ instalmentId: 1, feeFen: 1_500, principalFen: 500 }] });
  });

  it("pays the oldest instalment in full before the next", () => {
    expect(allocatePayment(11_500, bill)).toEqual({ ok: true, allocations: [{ instalmentId: 1, feeFen: 1_500, principalFen: 10_000 }] });
    expect(allocatePayment(11_501, bill)).toEqual({
      ok: true,
      allocations: [
        { instalmentId: 1, feeFen: 1_500, principalFen: 10_000 },
        { instalmentId: 2, feeFen: 0, principalFen: 1 },
      ],
    });
  });

  it("orders by due date, not by the order given, then by sequence", () => {
    const shuffled = [p(3, "2027-02-01", 100), p(1, "2026-12-01", 100), p(2, "2027-01-01", 100)];
    const result = allocatePayment(150, shuffled);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { instalmentId: 1, feeFen: 0, principalFen: 100 },
        { instalmentId: 2, feeFen: 0, principalFen: 50 },
      ],
    });
    const sameDay = [p(9, "2026-12-01", 100, 0, 2), p(8, "2026-12-01", 100, 0, 1)];
    expect(allocatePayment(100, sameDay)).toEqual({ ok: true, allocations: [{ instalmentId: 8, feeFen: 0, principalFen: 100 }] });
  });

  it("pays a later instalment's fee only after every earlier instalment is settled", () => {
    const twoOverdue = [p(1, "2026-10-01", 500, 125), p(2, "2026-11-01", 500, 125)];
    expect(allocatePayment(700, twoOverdue)).toEqual({
      ok: true,
      allocations: [
        { instalmentId: 1, feeFen: 125, principalFen: 500 },
        { instalmentId: 2, feeFen: 75, principalFen: 0 },
      ],
    });
  });

  it("accepts exactly what is owed and settles everything", () => {
    const result = allocatePayment(31_499, bill);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.allocations.map((a) => a.feeFen + a.principalFen)).toEqual([11_500, 10_000, 9_999]);
  });

  it("refuses more than is owed, with the amount owed in the sentence", () => {
    expect(allocatePayment(31_500, bill)).toMatchObject({ ok: false, code: "OVERPAYMENT", message: "The amount is more than the ¥314.99 owed." });
  });

  it("refuses zero, negative and fractional amounts", () => {
    for (const amount of [0, -1, 0.5, Number.NaN]) expect(allocatePayment(amount, bill)).toMatchObject({ ok: false, code: "OVERPAYMENT" });
  });

  it("refuses when nothing is owed", () => {
    expect(allocatePayment(100, [])).toMatchObject({ ok: false, code: "NOTHING_OWED" });
    expect(allocatePayment(100, [p(1, "2026-12-01", 0, 0)])).toMatchObject({ ok: false, code: "NOTHING_OWED" });
  });

  it("skips settled instalments and never allocates a negative balance", () => {
    const mixed = [p(1, "2026-10-01", 0, 0), p(2, "2026-11-01", -50, -10), p(3, "2026-12-01", 300)];
    expect(allocatePayment(300, mixed)).toEqual({ ok: true, allocations: [{ instalmentId: 3, feeFen: 0, principalFen: 300 }] });
    expect(allocatePayment(301, mixed)).toMatchObject({ ok: false, code: "OVERPAYMENT" });
  });

  const payables = fc
    .array(
      fc.record({
        principal: fc.integer({ min: 0, max: 500_000 }),
        fee: fc.integer({ min: 0, max: 1_500 }),
        offset: fc.integer({ min: 0, max: 400 }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((list) =>
      list.map((x, i) =>
        p(i + 1, `2026-${String(1 + (x.offset % 12)).padStart(2, "0")}-${String(1 + (x.offset % 28)).padStart(2, "0")}`, x.principal, x.fee),
      ),
    )
    .filter((list) => list.some((x) => x.principalOwedFen + x.feeOwedFen > 0));

  it("property: allocates exactly the amount, within each balance, fee first and oldest first", () => {
    fc.assert(
      fc.property(payables, fc.double({ min: 0, max: 1, noNaN: true }), (list, share) => {
        const owed = list.reduce((s, x) => s + x.principalOwedFen + x.feeOwedFen, 0);
        const amount = Math.max(1, Math.floor(owed * share));
        const result = allocatePayment(amount, list);
        if (!result.ok) return false;
        const total = result.allocations.reduce((s, a) => s + a.feeFen + a.principalFen, 0);
        if (total !== amount) return false;
        const ordered = [...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq);
        const byId = new Map(result.allocations.map((a) => [a.instalmentId, a]));
        let open = false; // once an instalment is left with something owed, later ones get nothing
        for (const x of ordered) {
          const a = byId.get(x.id) ?? { feeFen: 0, principalFen: 0 };
          if (a.feeFen > x.feeOwedFen || a.principalFen > x.principalOwedFen || a.feeFen < 0 || a.principalFen < 0) return false;
          if (a.principalFen > 0 && a.feeFen < x.feeOwedFen) return false;
          if (open && a.feeFen + a.principalFen > 0) return false;
          if (a.feeFen + a.principalFen < x.feeOwedFen + x.principalOwedFen) open = true;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it("property: anything above what is owed is refused", () => {
    fc.assert(
      fc.property(payables, fc.integer({ min: 1, max: 1_000_000 }), (list, extra) => {
        const owed = list.reduce((s, x) => s + x.principalOwedFen + x.feeOwedFen, 0);
        const result = allocatePayment(owed + extra, list);
        return !result.ok && result.code === "OVERPAYMENT";
      }),
    );
  });
});
