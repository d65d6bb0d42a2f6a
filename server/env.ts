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
