// Calendar dates in the platform time zone (TZ_PLATFORM, read in server/env.ts): the domain's date rules with the zone passed in.
import { localDate as localDateIn, startOfLocalDate as startOfLocalDateIn } from "@/server/domain/dates";
import { env } from "@/server/env";

export { addDays, daysBetween } from "@/server/domain/dates";

export function platformTimeZone(): string {
  return env.TZ_PLATFORM;
}

/** The platform's calendar date at `instant`. */
export function localDate(instant: Date): string {
  return localDateIn(instant, env.TZ_PLATFORM);
}

/** The instant a calendar date starts in the platform's zone. */
export function startOfLocalDate(date: string): Date {
  return startOfLocalDateIn(date, env.TZ_PLATFORM);
}
