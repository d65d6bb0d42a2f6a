import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { notifications } from "@/db/schema";
import { cursorOrRefuse, decodeIdCursor, encodeIdCursor, keysetPage } from "@/server/domain/cursor";
import { parseNotificationContent } from "@/server/domain/notifications";

/** The consumer's notifications, newest first, a page at a time (keyset on id). */
export async function listNotifications(db: Db, userId: number, input: { cursor?: string | null; limit: number }) {
  const before = input.cursor ? cursorOrRefuse(decodeIdCursor(input.cursor)) : null;
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = keysetPage(rows, input.limit, (last) => encodeIdCursor(last.id));
  return {
    items: items.map((n) => ({
      id: n.id,
      // Its kind and figures, for the page to say in its language; null for a row the migration could not convert.
      content: parseNotificationContent(n.kind, n.params),
      // The English a row written before notifications had params still carries.
      storedText: n.title !== null && n.body !== null ? { title: n.title, body: n.body } : null,
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt,
    })),
    nextCursor,
  };
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  return (await first(
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ))!.n;
}
