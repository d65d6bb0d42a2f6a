// Display formatting in one place: money via the domain's exact formatter, dates in the platform zone.
export { formatFen } from "@/server/domain/money";

const DEFAULT_TIME_ZONE = "Asia/Shanghai";
/** The attribute of <html> that carries the platform zone to the browser (app/layout.tsx sets it). */
export const PLATFORM_ZONE_ATTRIBUTE = "data-platform-zone";

// Times are shown in the platform zone, never the viewer's. Client components use this file too, so it cannot import
// server/env.ts, and in the browser process.env is empty: there the zone comes from the page (a TZ_PLATFORM set at
// run time reaches the browser without a rebuild, and server and browser render the same text).
function platformTimeZone(): string {
  if (typeof document !== "undefined") return document.documentElement.getAttribute(PLATFORM_ZONE_ATTRIBUTE) || DEFAULT_TIME_ZONE;
  return process.env.TZ_PLATFORM || DEFAULT_TIME_ZONE;
}

/** A calendar date ("2026-11-25") as it is, whatever the zone; an instant as its date in the platform zone. */
export function formatDate(date: string | Date, locale = "en"): string {
  if (typeof date === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(date)) date = new Date(date);
  if (typeof date === "string") {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: platformTimeZone() }).format(date);
}

export function formatDateTime(instant: Date, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: platformTimeZone() }).format(instant);
}

export function formatPercent(ratio: number | null, locale = "en"): string {
  if (ratio === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** A statement month ("2026-11") as its name in the locale, e.g. "November 2026" or "2026年11月". */
export function formatMonth(month: string, locale = "en"): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(y, m - 1, 1));
}
