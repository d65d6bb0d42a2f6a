import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { notifications } from "@/db/schema";

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
    items: page.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: n.createdAt })),
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
