import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { notifications } from "@/db/schema";
import { parseNotificationContent } from "@/server/domain/notifications";

/** The consumer's notifications, newest first, a page at a time (cursor: the last id seen). */
export async function listNotifications(db: Db, userId: number, input: { cursor?: number | null; limit: number }) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), input.cursor ? lt(notifications.id, input.cursor) : undefined))
    .orderBy(desc(notifications.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      // Its kind and figures, for the page to say in its language; null for a row the migration could not convert.
      content: parseNotificationContent(n.kind, n.params),
      // The English a row written before notifications had params still carries.
      storedText: n.title !== null && n.body !== null ? { title: n.title, body: n.body } : null,
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt,
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
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
