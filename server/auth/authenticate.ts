// Checking a sign-in: throttled per (email, address), per address and per email, and as slow for an unknown
// email as for a known one, so neither the time nor the answer tells which emails have accounts.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { users, type Role } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { hashPassword, verifyPassword } from "./password";
import { clearFailures, isKnownAddress, recordFailures, rememberKnownAddress, throttled } from "./throttle";

export const RATE_LIMITED_MESSAGE = "Too many sign-in attempts. Wait 15 minutes and try again.";

export type SignInAttempt = { email: string; password: string; address: string };
export type SignInOutcome =
  | { ok: true; user: { id: number; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "wrong_credentials" | "rate_limited" };

// A hash of a random password with the current parameters: an unknown email is checked against it.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString("base64")));

/** `verify` is the password check (a test may watch it). */
export async function authenticate(db: Db, clock: Clock, attempt: SignInAttempt, verify = verifyPassword): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const pair = `${email}|${attempt.address}`;
  const [pairBlocked, addressBlocked, emailBlocked, known] = await Promise.all([
    throttled(db, clock, "signInPair", pair),
    throttled(db, clock, "signInAddress", attempt.address),
    throttled(db, clock, "signInEmail", email),
    isKnownAddress(db, clock, pair),
  ]);
  // The email's growing delays hold guessers elsewhere; an address this email signed in from is not held by them.
  if (pairBlocked || addressBlocked || (emailBlocked && !known)) return { ok: false, reason: "rate_limited" };

  const user = await first(db.select().from(users).where(eq(users.email, email)));
  const matches = await verify(attempt.password, user?.passwordHash ?? (await dummy()));
  if (!user || !matches) {
    await recordFailures(db, clock, [
      ["signInPair", pair],
      ["signInAddress", attempt.address],
      ["signInEmail", email],
    ]);
    return { ok: false, reason: "wrong_credentials" };
  }
  await clearFailures(db, "signInPair", pair);
  await rememberKnownAddress(db, clock, pair);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion } };
}
