import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeCursor, encodeCursor, MAX_DATE_MS, MAX_ROW_ID } from "./cursor";

describe("keyset cursors", () => {
  it("round-trip any key and id the engines can hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ROW_ID, max: MAX_ROW_ID }), fc.integer({ min: 1, max: MAX_ROW_ID }), (key, id) => {
        expect(decodeCursor(encodeCursor(key, id))).toEqual({ key, id });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: MAX_ROW_ID }), (ms, id) => {
        expect(decodeCursor(encodeCursor(ms, id), MAX_DATE_MS)).toEqual({ key: ms, id });
      }),
    );
  });
  it("refuse anything else, and keys or ids past what the engines hold", () => {
    for (const bad of ["", "1", "a.b", "1.2.3", "1.-2", "1e5.2", " 1.2", "9999999999999999.1", "1.2147483648", "2147483648.1"])
      expect(decodeCursor(bad)).toBeNull();
    expect(decodeCursor("9999999999999999.1", MAX_DATE_MS)).toBeNull();
  });
});
