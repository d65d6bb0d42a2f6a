// Display formatting in one place: money via the domain's exact formatter, dates in the platform zone.
export { formatFen } from "@/server/domain/money";

// Client components use this file too, so it cannot import server/env.ts. In the browser process.env is empty
// (Next passes only NEXT_PUBLIC_ variables), so a TZ_PLATFORM other than the default reaches server rendering only.
function platformTimeZone(): string {
  return process.env.TZ_PLATFORM || "Asia/Shanghai";
}

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
