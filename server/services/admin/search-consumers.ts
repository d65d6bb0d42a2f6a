import { and, asc, eq, gt, like, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditProfiles, users } from "@/db/schema";
import { cursorOrRefuse, decodeIdCursor, encodeIdCursor, keysetPage } from "@/server/domain/cursor";

/** `%` and `_` in what the admin typed match themselves, not any text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Consumers whose email or name contains `query`, in id order, a page at a time (keyset on id). */
export async function searchConsumers(db: Db, input: { query?: string; cursor?: string | null; limit: number }) {
  const query = input.query?.trim();
  const pattern = query ? containsPattern(query.toLowerCase()) : null;
  const after = input.cursor ? cursorOrRefuse(decodeIdCursor(input.cursor)) : null;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      score: creditProfiles.score,
      payLaterStatus: creditProfiles.payLaterStatus,
      suspendedReason: creditProfiles.suspendedReason,
      usedCreditFen: creditProfiles.usedCreditFen,
    })
    .from(users)
    .innerJoin(creditProfiles, eq(creditProfiles.userId, users.id))
    .where(
      and(
        eq(users.role, "consumer"),
        after ? gt(users.id, after) : undefined,
        // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        pattern
          ? or(like(sql`lower(${users.email})`, sql`${pattern} ESCAPE '\\'`), like(sql`lower(${users.name})`, sql`${pattern} ESCAPE '\\'`))
          : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, (last) => encodeIdCursor(last.id));
}
