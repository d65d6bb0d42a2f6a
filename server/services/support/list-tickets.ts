import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { supportTickets, users } from "@/db/schema";
import { cursorOrRefuse, decodeIdCursor, encodeIdCursor, keysetPage } from "@/server/domain/cursor";

const MINE_LIMIT = 20;

/** A question and its answer, as both the asker and the admin read it. */
const ticketColumns = {
  id: supportTickets.id,
  topic: supportTickets.topic,
  message: supportTickets.message,
  status: supportTickets.status,
  answer: supportTickets.answer,
  answeredAt: supportTickets.answeredAt,
  createdAt: supportTickets.createdAt,
};

/** The caller's own questions and answers, newest first (the latest twenty). */
export async function listMyTickets(db: Db, userId: number) {
  return db
    .select(ticketColumns)
    .from(supportTickets)
    .where(eq(supportTickets.userId, userId))
    .orderBy(desc(supportTickets.createdAt), desc(supportTickets.id))
    .limit(MINE_LIMIT);
}

/** Every ticket of one status for the admin, newest first, a page at a time (keyset on id). */
export async function listTickets(db: Db, input: { status: "open" | "answered"; cursor?: string | null; limit: number }) {
  const before = input.cursor ? cursorOrRefuse(decodeIdCursor(input.cursor)) : null;
  const rows = await db
    .select({
      ...ticketColumns,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      userRole: users.role,
    })
    .from(supportTickets)
    .innerJoin(users, eq(users.id, supportTickets.userId))
    .where(and(eq(supportTickets.status, input.status), before ? lt(supportTickets.id, before) : undefined))
    .orderBy(desc(supportTickets.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = keysetPage(rows, input.limit, (last) => encodeIdCursor(last.id));
  return { tickets: items, nextCursor };
}
