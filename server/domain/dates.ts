// Calendar dates ("YYYY-MM-DD") in a given time zone, computed without local-time surprises. The platform's
// zone is configuration: server/calendar.ts passes it in.
import { TZDate } from "@date-fns/tz";

// Checkout computes several dates per order: one cached Intl formatter per zone and plain UTC day
// arithmetic are much cheaper than a date library, with the same answers (dates.test.ts compares them).
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

// Offsets change on minute boundaries at the finest, so the last answer holds for the rest of its minute.
let lastDay = { key: "", date: "" };

/** The calendar date of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(instant.getTime() / 60_000)}`;
  if (lastDay.key === key) return lastDay.date;
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      calendar: "gregory",
      numberingSystem: "latn",
    });
    dayFormatters.set(timeZone, formatter);
  }
  let y = "",
    m = "",
    d = "";
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === "year") y = part.value;
    else if (part.type === "month") m = part.value;
    else if (part.type === "day") d = part.value;
  }
  lastDay = { key, date: `${y.padStart(4, "0")}-${m}-${d}` };
  return lastDay.date;
}

// A calendar date as whole days since 1970-01-01 (time zones play no part in calendar arithmetic).
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The instant a calendar date starts in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}
