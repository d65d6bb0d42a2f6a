import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./storable-text";

describe("storable text", () => {
  it("finds a NUL or an unpaired surrogate at any depth", () => {
    expect(findUnstorableText({ reason: "late\u0000" })).toBe("late\u0000");
    expect(findUnstorableText({ lines: [{ note: "\ud800" }] })).toBe("\ud800");
    expect(findUnstorableText(["ok", { a: { b: "\udfff x" } }])).toBe("\udfff x");
  });
  it("lets every other text through, Chinese and emoji included", () => {
    expect(findUnstorableText({ name: "王小明", note: "还款 😀", tab: "a\tb", n: 5, none: null })).toBeNull();
  });
});
