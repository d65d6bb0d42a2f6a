// Display formatting in one place: money via the domain's exact formatter, dates in the platform zone.
import { platformTimeZone } from "@/server/domain/dates";
export { formatFen } from "@/server/domain/money";

export function formatDate(date: string | Date, locale = "en"): string {
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
