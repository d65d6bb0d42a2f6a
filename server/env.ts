// Configuration, read and checked in one place.
const DEV_SECRET = "houfu-development-secret-not-for-production";

/** The session signing secret; production refuses to start without one. */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build")
    throw new Error("AUTH_SECRET must be set in production.");
  return DEV_SECRET;
}

/**
 * The addresses of the reverse proxies in front of the app (TRUSTED_PROXIES, comma-separated). Only a request
 * arriving from one of them may tell the client's address, host or scheme in X-Forwarded-* headers; by default
 * none may, and the connection's own address is the client's.
 */
export function trustedProxies(): ReadonlySet<string> {
  const list = (process.env.TRUSTED_PROXIES ?? "").split(",").map((a) => normaliseAddress(a.trim())).filter(Boolean);
  return new Set(list);
}

/** An IPv4 address as IPv4 also when a dual-stack socket reports it mapped into IPv6. */
export function normaliseAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address.toLowerCase();
}
