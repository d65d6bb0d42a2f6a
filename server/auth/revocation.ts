// Revoking session tokens. A session is a signed JWT in a cookie, so signing out alone would leave a copied cookie
// working for its 7 days. Each token therefore carries its own id and the user's session version when issued, and
// every request checks both in one indexed read: signing out lists the id as revoked (until the token would have
// expired anyway), and raising the version ends every session of the user at once (sign out everywhere, a
// deactivated store).
import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { revokedSessions, users } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";

/** What a token says about itself (absent in a token issued before revocation existed: such a token is refused). */
export type SessionClaims = { uid?: number; sv?: number; sid?: string };

/** Whether a token still counts: its user's version is the one it was issued under, and its id was not signed out. */
export async function sessionIsCurrent(db: Db, token: SessionClaims): Promise<boolean> {
  if (typeof token.uid !== "number" || typeof token.sv !== "number" || typeof token.sid !== "string") return false;
  const row = await first(
    db
      .select({ version: users.sessionVersion, revokedId: revokedSessions.sessionId })
      .from(users)
      .leftJoin(revokedSessions, eq(revokedSessions.sessionId, token.sid))
      .where(eq(users.id, token.uid))
      .limit(1),
  );
  return !!row && row.version === token.sv && row.revokedId === null;
}

/** Signs one token out: refused from now until it expires. Also clears the rows whose tokens have expired. */
export async function revokeSession(db: Db, clock: Clock, session: { sessionId: string; userId: number; expiresAt: Date }): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, clock.now()));
    await tx.insert(revokedSessions).values(session).onConflictDoNothing();
  });
}

/** Ends every session the user has (given the transaction that causes it, joins it). */
export async function endAllSessions(db: Db, userId: number): Promise<void> {
  await withTransaction(db, (tx) =>
    tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId)),
  );
}
