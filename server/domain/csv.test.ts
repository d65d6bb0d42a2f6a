import { describe, expect, it } from "vitest";
import { spreadsheetSafe } from "./csv";

describe("spreadsheet-safe CSV cells", () => {
  it.each(['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=*** W."])("neutralises %j", (cell) => {
    expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
  });
  it.each(["HF-1001", "A*** W.", "a***@example.com", "200.00", "0", "2026-11-25", ""])("keeps %j", (cell) => {
    expect(spreadsheetSafe(cell)).toBe(cell);
  });
});
