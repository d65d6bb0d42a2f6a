// Autopay's rules: when an instalment may be charged, how many times, and when it will be next. An instalment is
// tried on its due date and, after a decline, on each of the next days, at most AUTOPAY_MAX_ATTEMPTS times in all
// and never after the last of those days; once charged (or while an attempt is in flight) it is not tried again.
import { addDays } from "./dates";

export const AUTOPAY_MAX_ATTEMPTS = 3;

export type AutopayAttempt = { attempt: number; chargeDate: string; status: "pending" | "charged" | "declined" | "cancelled" };

/** The last day autopay may try an instalment due on `dueDate`. */
export const lastAutopayDay = (dueDate: string) => addDays(dueDate, AUTOPAY_MAX_ATTEMPTS - 1);

const declines = (attempts: readonly AutopayAttempt[]) => attempts.filter((a) => a.status === "declined").length;
const settledOrInFlight = (attempts: readonly AutopayAttempt[]) => attempts.some((a) => a.status === "charged" || a.status === "pending");

/** Every attempt declined: autopay has given up on this instalment and the consumer pays it by hand. */
export const autopayStopped = (attempts: readonly AutopayAttempt[]) => declines(attempts) >= AUTOPAY_MAX_ATTEMPTS;

/** The attempt number to make on `today` for an open instalment due on `dueDate`, or null when none is due. */
export function autopayAttemptDue(dueDate: string, attempts: readonly AutopayAttempt[], today: string): number | null {
  if (today < dueDate || today > lastAutopayDay(dueDate)) return null;
  if (settledOrInFlight(attempts) || autopayStopped(attempts)) return null;
  if (attempts.some((a) => a.chargeDate === today)) return null;
  return attempts.length + 1;
}

/** The day autopay will next try an open instalment, from `today` on, or null when it will not. */
export function nextAutopayDay(dueDate: string, attempts: readonly AutopayAttempt[], today: string): string | null {
  if (settledOrInFlight(attempts) || autopayStopped(attempts)) return null;
  for (let day = today > dueDate ? today : dueDate; day <= lastAutopayDay(dueDate); day = addDays(day, 1))
    if (!attempts.some((a) => a.chargeDate === day)) return day;
  return null;
}
