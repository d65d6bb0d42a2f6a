// Calendar dates ("YYYY-MM-DD") in the platform time zone, computed without local-time surprises.
import { TZDate } from "@date-fns/tz";
import { addDays as addDaysFns, differenceInCalendarDays, format, parseISO } from "date-fns";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function platformTimeZone(): string {
  return process.env.TZ_PLATFORM || DEFAULT_TIME_ZONE;
}

/** The calendar date of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string = platformTimeZone()): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

export function addDays(date: string, days: number): string {
  return format(addDaysFns(parseISO(date), days), "yyyy-MM-dd");
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** The instant a calendar date starts in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string = platformTimeZone()): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}
