// How failed attempts turn into waiting, as pure rules over one counter. Each scope counts its failures in a
// fixed window that opens at the first one; a rule says how long a key is then blocked.
const MINUTE = 60_000;

export type ThrottleRule = {
  /** How long a run of failures is remembered. */
  windowMs: number;
  /** Failures allowed in a window before any waiting. */
  freeFailures: number;
  /** Waiting after failure number freeFailures + n (n ≥ 1): doubling from `firstDelayMs`, capped at `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
};

export type ThrottleState = { windowStart: Date; failures: number; blockedUntil: Date | null };

export const THROTTLE_SCOPES = {
  /** One email from one address: the owner mistyping or a guesser at one place. Five tries, then the window. */
  signInPair: { windowMs: 15 * MINUTE, freeFailures: 5, firstDelayMs: 15 * MINUTE, maxDelayMs: 15 * MINUTE },
  /** One address, any emails: a guesser spraying many accounts from one place. */
  signInAddress: { windowMs: 15 * MINUTE, freeFailures: 20, firstDelayMs: 15 * MINUTE, maxDelayMs: 15 * MINUTE },
  /**
   * One email from anywhere: growing delays (1 s, 2 s, 4 s … up to 15 minutes) bound a guesser with many
   * addresses to a few attempts an hour, while the owner at an address they have signed in from is not held by it.
   */
  signInEmail: { windowMs: 24 * 60 * MINUTE, freeFailures: 10, firstDelayMs: 1_000, maxDelayMs: 15 * MINUTE },
  /** Sign-up attempts (taken or not) from one address, so "email taken" cannot be asked about in bulk. */
  signUpAddress: { windowMs: 60 * MINUTE, freeFailures: 10, firstDelayMs: 60 * MINUTE, maxDelayMs: 60 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleScope = keyof typeof THROTTLE_SCOPES;

/** How long an address that signed in to an email stays exempt from that email's growing delays. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;

/**
 * How long a counter row is kept after its window began: past this, and no longer blocked, it changes no answer
 * (afterFailure starts a fresh window, isKnownAddress has lapsed), so the credit jobs delete it.
 */
export const THROTTLE_RETAIN_MS = Math.max(KNOWN_ADDRESS_MS, ...Object.values(THROTTLE_SCOPES).map((rule) => rule.windowMs));

export function isBlocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.blockedUntil && state.blockedUntil.getTime() > now.getTime();
}

/** The counter after one more failure at `now`. */
export function afterFailure(rule: ThrottleRule, state: ThrottleState | undefined, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() >= rule.windowMs;
  const windowStart = fresh ? now : state.windowStart;
  const failures = fresh ? 1 : state.failures + 1;
  const over = failures - rule.freeFailures;
  if (over < 0) return { windowStart, failures, blockedUntil: null };
  const delay = Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(over, 30));
  return { windowStart, failures, blockedUntil: new Date(now.getTime() + delay) };
}
