// Failed sign-ins are limited per email and per client address, in memory (one server process).
import { systemClock, type Clock } from "@/server/clock";

const WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 20 } as const;

export class FailureLimiter {
  private failures = new Map<string, number[]>();
  constructor(private clock: Clock = systemClock) {}

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  isBlocked(key: string, limit: number): boolean {
    return this.recent(key).length >= limit;
  }

  recordFailure(key: string): void {
    this.failures.set(key, [...this.recent(key), this.clock.now().getTime()]);
  }

  clear(key?: string): void {
    if (key) this.failures.delete(key);
    else this.failures.clear();
  }
}

const globalForLimiter = globalThis as unknown as { houfuSignInLimiter?: FailureLimiter };
export const signInLimiter = (globalForLimiter.houfuSignInLimiter ??= new FailureLimiter());

export const RATE_LIMITED_MESSAGE = "Too many sign-in attempts. Wait 15 minutes and try again.";
