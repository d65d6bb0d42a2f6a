import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  decodeCursor,
  decodeIdCursor,
  decodeTimeCursor,
  encodeCursor,
  encodeIdCursor,
  encodeTimeCursor,
  keysetPage,
  MAX_CURSOR_LENGTH,
  MAX_DATE_MS,
  MAX_ROW_ID,
  pageCursor,
} from "./cursor";

describe("keyset cursors", () => {
  it("round-trip any key and id the engines can hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROW_ID }), fc.integer({ min: 1, max: MAX_ROW_ID }), (key, id) => {
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
    for (const bad of ["", "1", "-1.2", "a.b", "1.2.3", "1.-2", "1e5.2", " 1.2", "9999999999999999.1", "1.2147483648", "2147483648.1"])
      expect(decodeCursor(bad)).toBeNull();
    expect(decodeCursor("9999999999999999.1", MAX_DATE_MS)).toBeNull();
  });

  it("id and time cursors round-trip and stay within the input bound", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ROW_ID }), (id) => {
        expect(decodeIdCursor(encodeIdCursor(id))).toBe(id);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DATE_MS }), fc.integer({ min: 1, max: MAX_ROW_ID }), (ms, id) => {
        const cursor = encodeTimeCursor(new Date(ms), id);
        expect(cursor.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
        expect(decodeTimeCursor(cursor)).toEqual({ at: new Date(ms), id });
      }),
    );
    for (const bad of ["", "0", "-1", "2147483648", "1.2", "01x"]) expect(decodeIdCursor(bad)).toBeNull();
    for (const bad of ["-1.2", "1", "8640000000000001.1"]) expect(decodeTimeCursor(bad)).toBeNull();
  });
  it("a page link's cursor is passed on only when this app made it", () => {
    expect(pageCursor("42", decodeIdCursor)).toBe("42");
    expect(pageCursor("42x", decodeIdCursor)).toBeNull();
    expect(pageCursor(undefined, decodeIdCursor)).toBeNull();
  });
  it("a page holds `limit` rows and a cursor after the last only when more follow", () => {
    const cursorOf = (n: number) => encodeIdCursor(n);
    expect(keysetPage([5, 4, 3], 2, cursorOf)).toEqual({ items: [5, 4], nextCursor: "4" });
    expect(keysetPage([5, 4], 2, cursorOf)).toEqual({ items: [5, 4], nextCursor: null });
    expect(keysetPage([], 2, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
