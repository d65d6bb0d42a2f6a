import { and, desc, eq } from "drizzle-orm";
// The schema is typed as pg-core tables; the alias is the same proxy in either core, so it serves SQLite too.
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { creditEvents, instalments, orders, users } from "@/db/schema";
import { olderThan } from "@/server/sql/keyset";
import { cursorOrRefuse, decodeTimeCursor, encodeTimeCursor, keysetPage } from "@/server/domain/cursor";

/** A score change as every list of them shows it (credit report, admin's consumer page, the data export). */
export const creditEventColumns = {
  id: creditEvents.id,
  delta: creditEvents.delta,
  scoreAfter: creditEvents.scoreAfter,
  reason: creditEvents.reason,
  note: creditEvents.note,
  orderId: creditEvents.orderId,
  createdAt: creditEvents.createdAt,
};

/** The credit report: every score change, newest first, keyset-paginated on (time, id). */
export async function listCreditEvents(db: Db, input: { consumerId: number; limit: number; cursor?: string | null }) {
  const actor = alias(users, "actor");
  const cursor = input.cursor ? cursorOrRefuse(decodeTimeCursor(input.cursor)) : null;
  const rows = await db
    .select({
      ...creditEventColumns,
      orderNumber: orders.number,
      instalmentSeq: instalments.seq,
      instalmentDueDate: instalments.dueDate,
      actorName: actor.name,
    })
    .from(creditEvents)
    .leftJoin(orders, eq(orders.id, creditEvents.orderId))
    .leftJoin(instalments, eq(instalments.id, creditEvents.instalmentId))
    .leftJoin(actor, eq(actor.id, creditEvents.actorUserId))
    .where(and(eq(creditEvents.userId, input.consumerId), olderThan(creditEvents.createdAt, creditEvents.id, cursor)))
    .orderBy(desc(creditEvents.createdAt), desc(creditEvents.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = keysetPage(rows, input.limit, (last) => encodeTimeCursor(last.createdAt, last.id));
  return { events: items, nextCursor };
}
