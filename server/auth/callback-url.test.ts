import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("the sign-in callback", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/merchant")).toBe("/merchant");
    expect(safeCallbackPath("/account/orders?page=2#top")).toBe("/account/orders?page=2#top");
    expect(safeCallbackPath("/stores/lumen%20electronics")).toBe("/stores/lumen%20electronics");
  });

  // What the pen test sent, as the page receives it (searchParams are decoded once) and as still encoded.
  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/x",
    "/%0a/x",
    "/%0D/x",
    "//evil.example",
    "/%2Fevil.example",
    "/%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "https://evil.example/",
    "http:/evil.example",
    "evil.example",
    "/\u0000x",
    "/%",
    "",
  ])("refuses %j", (candidate) => {
    expect(safeCallbackPath(candidate)).toBeNull();
  });
});
