import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cardNumberSchema, checkCartStore, checkStock, lineTotalFen, orderNumber, orderTotalFen, shippingSchema } from "./orders";

describe("order totals", () => {
  it("multiplies and adds integer fen exactly", () => {
    expect(lineTotalFen({ unitPriceFen: 14_900, quantity: 3 })).toBe(44_700);
    expect(
      orderTotalFen([
        { unitPriceFen: 14_900, quantity: 2 },
        { unitPriceFen: 1, quantity: 1 },
      ]),
    ).toBe(29_801);
    expect(orderTotalFen([])).toBe(0);
  });

  it("is the sum of its lines for any cart", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitPriceFen: fc.integer({ min: 0, max: 10_000_000 }), quantity: fc.integer({ min: 1, max: 99 }) })),
        (lines) => {
          const total = orderTotalFen(lines);
          expect(Number.isInteger(total)).toBe(true);
          expect(total).toBe(lines.map(lineTotalFen).reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe("one store per cart", () => {
  const lumen = { storeId: 1, storeName: "Lumen Electronics" };
  const tea = { storeId: 2, storeName: "Cloud Tea House" };
  it("accepts an empty cart or the same store", () => {
    expect(checkCartStore(null, tea)).toEqual({ ok: true });
    expect(checkCartStore(lumen, lumen)).toEqual({ ok: true });
  });
  it("refuses another store with CART_OTHER_STORE, naming both", () => {
    const verdict = checkCartStore(lumen, tea);
    expect(verdict).toMatchObject({ ok: false, code: "CART_OTHER_STORE" });
    expect(!verdict.ok && verdict.message).toContain("Lumen Electronics");
    expect(!verdict.ok && verdict.message).toContain("Cloud Tea House");
  });
});

describe("stock", () => {
  it("allows up to the stock and refuses beyond it", () => {
    expect(checkStock({ name: "Mouse", stock: 3 }, 3)).toEqual({ ok: true });
    expect(checkStock({ name: "Mouse", stock: 3 }, 4)).toMatchObject({ ok: false, code: "OUT_OF_STOCK", message: "Only 3 of Mouse are left." });
    expect(checkStock({ name: "Mouse", stock: 1 }, 2)).toMatchObject({ message: "Only 1 of Mouse is left." });
    expect(checkStock({ name: "Power Bank", stock: 0 }, 1)).toMatchObject({
      ok: false,
      code: "OUT_OF_STOCK",
      message: "Power Bank is out of stock.",
    });
  });
});

describe("order numbers", () => {
  it("reads HF-, the short date and five unambiguous characters", () => {
    expect(orderNumber("2026-11-25", [0, 1, 31, 32, 255])).toBe("HF-261125-01Z0Z");
  });
  it("always has the same readable shape", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        expect(orderNumber("2027-01-03", bytes)).toMatch(/^HF-270103-[0-9A-HJKMNP-TV-Z]{5}$/);
      }),
    );
  });
  it("needs five random bytes", () => {
    expect(() => orderNumber("2026-11-25", [1, 2])).toThrow(RangeError);
  });
});

describe("shipping details and card numbers", () => {
  const valid = { shippingName: "Alice Wu", shippingPhone: "138 0013 8000", shippingAddress: "88 Century Avenue, Shanghai" };
  it("accepts a complete address and trims it", () => {
    expect(shippingSchema.parse({ ...valid, shippingName: "  Alice Wu " }).shippingName).toBe("Alice Wu");
    expect(shippingSchema.safeParse({ ...valid, shippingPhone: "+86 138-0013-8000" }).success).toBe(true);
  });
  it("refuses a missing name, a phone without enough digits or with letters, and a short address", () => {
    expect(shippingSchema.safeParse({ ...valid, shippingName: " " }).success).toBe(false);
    expect(shippingSchema.safeParse({ ...valid, shippingPhone: "12345" }).success).toBe(false);
    expect(shippingSchema.safeParse({ ...valid, shippingPhone: "138 call me" }).success).toBe(false);
    expect(shippingSchema.safeParse({ ...valid, shippingAddress: "Here" }).success).toBe(false);
  });
  it("takes card numbers of 12–19 digits with spaces or dashes", () => {
    expect(cardNumberSchema.safeParse("4000 0000 0000 0002").success).toBe(true);
    expect(cardNumberSchema.safeParse("4242-4242-4242-4242").success).toBe(true);
    expect(cardNumberSchema.safeParse("4242 4242").success).toBe(false);
    expect(cardNumberSchema.safeParse("4242 4242 4242 424X").success).toBe(false);
    expect(cardNumberSchema.safeParse("4".repeat(20)).success).toBe(false);
  });
});
