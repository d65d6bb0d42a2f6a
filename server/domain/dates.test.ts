import { TZDate } from "@date-fns/tz";
import { addDays as addDaysFns, differenceInCalendarDays, format, parseISO } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, localDate } from "./dates";

// The date library's answers are the reference the fast versions must match.
const isoDay = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("calendar dates", () => {
  it("localDate is the calendar day in the given zone", () => {
    expect(localDate(new Date("2026-11-25T15:59:59Z"), "Asia/Shanghai")).toBe("2026-11-25");
    expect(localDate(new Date("2026-11-25T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-26");
    expect(localDate(new Date("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toBe("2027-01-01");
    expect(localDate(new Date("2026-11-25T03:00:00Z"), "America/New_York")).toBe("2026-11-24");
  });

  it("localDate agrees with date-fns in several zones", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("Asia/Shanghai", "UTC", "America/New_York", "Pacific/Kiritimati"),
        (instant, zone) => {
          expect(localDate(instant, zone)).toBe(format(new TZDate(instant.getTime(), zone), "yyyy-MM-dd"));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("addDays and daysBetween agree with date-fns, across month ends, leap days and years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 30)).toBe("2027-01-30");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-25", "2026-12-25")).toBe(30);
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: -800, max: 800 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(format(addDaysFns(parseISO(a), n), "yyyy-MM-dd"));
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
      }),
      { numRuns: 500 },
    );
  });
});
