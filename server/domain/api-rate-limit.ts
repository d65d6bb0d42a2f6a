// The merchant API's per-key rate limit: a fixed window counted in the database (every app server sees one count).

export type RateLimit = { requests: number; windowMs: number };
export type RateWindow = { windowStart: Date; requests: number };

/** Generous for a shop's server-to-server traffic, low enough that a runaway loop is stopped within a minute. */
export const API_RATE_LIMIT: RateLimit = { requests: 120, windowMs: 60_000 };

export type Admission = { admitted: true; next: RateWindow } | { admitted: false; retryAfterSeconds: number };

/** Counts one request against `limit` at `now`, starting a new window once the current one has passed. */
export function admitRequest(current: RateWindow | undefined, now: Date, limit: RateLimit): Admission {
  const fresh = !current || now.getTime() - current.windowStart.getTime() >= limit.windowMs || now < current.windowStart;
  const window = fresh ? { windowStart: now, requests: 0 } : current;
  if (window.requests >= limit.requests) {
    const endsInMs = window.windowStart.getTime() + limit.windowMs - now.getTime();
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(endsInMs / 1000)) };
  }
  return { admitted: true, next: { windowStart: window.windowStart, requests: window.requests + 1 } };
}
