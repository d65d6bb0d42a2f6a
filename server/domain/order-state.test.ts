import { describe, expect, it } from "vitest";
import { canAdvance, canCancel, canRefund, isPartlyRefunded, refundableFen, statusAfterRefund, type OrderStatus } from "./order-state";

const order = (status: OrderStatus, refundedFen = 0) => ({ status, totalFen: 329_900, refundedFen });

describe("the order state machine", () => {
  it("cancels only what has not shipped; ships placed orders and completes shipped ones", () => {
    expect((["placed", "shipped", "completed", "cancelled", "refunded"] as const).filter((s) => canCancel(order(s)))).toEqual(["placed"]);
    expect(canAdvance(order("placed"), "shipped")).toBe(true);
    expect(canAdvance(order("shipped"), "completed")).toBe(true);
    expect(canAdvance(order("placed"), "completed")).toBe(false);
    expect(canAdvance(order("cancelled"), "shipped")).toBe(false);
  });

  it("refunds what is left of a shipped or completed order, never of a placed or cancelled one", () => {
    expect(refundableFen(order("shipped", 50_000))).toBe(279_900);
    expect(refundableFen(order("completed"))).toBe(329_900);
    expect(refundableFen(order("placed"))).toBe(0);
    expect(refundableFen(order("cancelled"))).toBe(0);
    expect(canRefund(order("refunded", 329_900))).toBe(false);
  });

  it("treats an API order the shop captured as shipped: refundable, no longer cancellable", () => {
    const captured = { ...order("placed", 20_000), capturedAt: new Date("2026-11-27T02:00:00Z") };
    expect(refundableFen(captured)).toBe(309_900);
    expect(canCancel(captured)).toBe(false);
    expect(canAdvance(captured, "shipped")).toBe(true);
    expect(refundableFen({ ...captured, capturedAt: null })).toBe(0);
  });

  it("a partial refund keeps the fulfilment status, so a shipped order can still be completed", () => {
    const shipped = order("shipped");
    expect(statusAfterRefund(shipped, 50_000)).toBe("shipped");
    const partly = { ...shipped, refundedFen: 50_000 };
    expect(isPartlyRefunded(partly)).toBe(true);
    expect(canAdvance(partly, "completed")).toBe(true);
    expect(statusAfterRefund(partly, 279_900)).toBe("refunded");
    expect(isPartlyRefunded({ ...partly, status: "refunded", refundedFen: 329_900 })).toBe(false);
  });
});
