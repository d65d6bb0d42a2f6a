import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, formatDateTime, PLATFORM_ZONE_ATTRIBUTE } from "./format";

// 2026-11-24 18:30 UTC is already 25 November in Shanghai (02:30), and still 24 November in Los Angeles.
const LATE_EVENING_UTC = new Date("2026-11-24T18:30:00Z");

afterEach(() => vi.unstubAllGlobals());

describe("dates and times", () => {
  it("show an instant in the platform zone on the server", () => {
    expect(formatDate(LATE_EVENING_UTC)).toBe("Nov 25, 2026");
    expect(formatDateTime(LATE_EVENING_UTC)).toBe("Nov 25, 2026, 2:30 AM");
    expect(formatDate(LATE_EVENING_UTC.toISOString())).toBe("Nov 25, 2026");
  });

  it("show a calendar date as that date, in any zone", () => {
    expect(formatDate("2026-11-25")).toBe("Nov 25, 2026");
    expect(formatDate("2026-11-25", "zh-CN")).toBe("2026年11月25日");
  });

  it("in the browser, take the zone the page names, not the browser's own", () => {
    const zoneOf = (zone: string | null) => ({
      documentElement: { getAttribute: (name: string) => (name === PLATFORM_ZONE_ATTRIBUTE ? zone : null) },
    });
    vi.stubGlobal("document", zoneOf("Asia/Shanghai"));
    expect(formatDateTime(LATE_EVENING_UTC)).toBe("Nov 25, 2026, 2:30 AM");
    vi.stubGlobal("document", zoneOf("America/Los_Angeles"));
    expect(formatDateTime(LATE_EVENING_UTC)).toBe("Nov 24, 2026, 10:30 AM");
    vi.stubGlobal("document", zoneOf(null));
    expect(formatDate(LATE_EVENING_UTC)).toBe("Nov 25, 2026");
  });
});
