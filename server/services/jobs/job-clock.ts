import { localDate, startOfLocalDate } from "@/server/calendar";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The clock of `npm run jobs -- --at YYYY-MM-DD`: noon of that day in the platform zone; now without --at; null when malformed. */
export function jobsClockFromArgs(argv: string[], now: Date): Date | null {
  const i = argv.indexOf("--at");
  if (i === -1) return now;
  const date = argv[i + 1] ?? "";
  if (!DATE.test(date)) return null;
  const noon = new Date(startOfLocalDate(date).getTime() + 12 * 3_600_000);
  // A day that does not exist (2027-02-30) would roll over; refuse it instead.
  return !Number.isNaN(noon.getTime()) && localDate(noon) === date ? noon : null;
}
