import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursors", () => {
  it("round-trip any integer key and id", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 1, max: 1e11 }), (key, id) => {
        expect(decodeCursor(encodeCursor(key, id))).toEqual({ key, id });
      }),
    );
  });
  it("refuse anything else", () => {
    for (const bad of ["", "1", "a.b", "1.2.3", "1.-2", "1e5.2", " 1.2"]) expect(decodeCursor(bad)).toBeNull();
  });
});
