// The throttle counters in the database, so every app server sees the same ones. Each change is a read and an
// upsert in one transaction: SQLite runs it alone; PostgreSQL's SERIALIZABLE retries it if two servers collide.
import { and, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { authThrottle } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import {
  afterFailure,
  isBlocked,
  KNOWN_ADDRESS_MS,
  THROTTLE_RETAIN_MS,
  THROTTLE_SCOPES,
  type ThrottleScope,
  type ThrottleState,
} from "@/server/domain/throttle";

/** Marks an address from which an email signed in (not a counter: its window start is the last success). */
const KNOWN_SCOPE = "sign_in_known";

async function readState(db: Db, scope: string, key: string): Promise<ThrottleState | undefined> {
  return first(
    db
      .select({ windowStart: authThrottle.windowStart, failures: authThrottle.failures, blockedUntil: authThrottle.blockedUntil })
      .from(authThrottle)
      .where(and(eq(authThrottle.scope, scope), eq(authThrottle.key, key))),
  );
}

async function writeState(db: Db, scope: string, key: string, state: ThrottleState): Promise<void> {
  await db
    .insert(authThrottle)
    .values({ scope, key, ...state })
    .onConflictDoUpdate({ target: [authThrottle.scope, authThrottle.key], set: { ...state } });
}

/** Whether `key` must wait in `scope` now. */
export async function throttled(db: Db, clock: Clock, scope: ThrottleScope, key: string): Promise<boolean> {
  return isBlocked(await readState(db, scope, key), clock.now());
}

/** Counts one failure (or, for sign-up, one attempt) of each key in its scope, in one transaction. */
export async function recordFailures(db: Db, clock: Clock, counters: readonly (readonly [ThrottleScope, string])[]): Promise<void> {
  await withTransaction(db, async (tx) => {
    for (const [scope, key] of counters) {
      const next = afterFailure(THROTTLE_SCOPES[scope], await readState(tx, scope, key), clock.now());
      await writeState(tx, scope, key, next);
    }
  });
}

/** Forgets the failures of `key` in `scope`. */
export async function clearFailures(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await withTransaction(db, (tx) => tx.delete(authThrottle).where(and(eq(authThrottle.scope, scope), eq(authThrottle.key, key))));
}

export async function rememberKnownAddress(db: Db, clock: Clock, key: string): Promise<void> {
  await withTransaction(db, (tx) => writeState(tx, KNOWN_SCOPE, key, { windowStart: clock.now(), failures: 0, blockedUntil: null }));
}

export async function isKnownAddress(db: Db, clock: Clock, key: string): Promise<boolean> {
  const state = await readState(db, KNOWN_SCOPE, key);
  return !!state && clock.now().getTime() - state.windowStart.getTime() < KNOWN_ADDRESS_MS;
}

/** Admits one sign-up attempt from `address`, or refuses once the address has made too many this hour. */
export async function admitSignUpAttempt(db: Db, clock: Clock, address: string): Promise<void> {
  if (await throttled(db, clock, "signUpAddress", address))
    throw new DomainError("RATE_LIMITED", "Too many sign-up attempts from this network. Wait an hour and try again.");
  await recordFailures(db, clock, [["signUpAddress", address]]);
}

/** Deletes the counters that no longer change any answer (THROTTLE_RETAIN_MS); returns how many. */
export async function purgeStaleThrottles(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - THROTTLE_RETAIN_MS);
  const gone = await withTransaction(db, (tx) =>
    tx
      .delete(authThrottle)
      .where(and(lt(authThrottle.windowStart, cutoff), or(isNull(authThrottle.blockedUntil), lte(authThrottle.blockedUntil, now))))
      .returning({ key: authThrottle.key }),
  );
  return gone.length;
}
