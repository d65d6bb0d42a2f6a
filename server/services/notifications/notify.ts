// In-app notifications, each once (dedupe key), with an outbox row a mailer can drain.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, outbox, users } from "@/db/schema";
import { logger } from "@/server/log";

export type NotificationKind = "due_in_3" | "due_today" | "overdue" | "payment_received" | "pay_later_suspended" | "pay_later_reinstated";

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string;
  dedupeKey: string;
  at: Date;
};

/** Inserts the notification unless one with the same dedupe key exists; returns whether it did. Runs inside the caller's transaction. */
export function notify(tx: Db, n: NewNotification): boolean {
  const inserted = tx
    .insert(notifications)
    .values({ userId: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, dedupeKey: n.dedupeKey, createdAt: n.at })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id })
    .get();
  if (!inserted) return false;
  const user = tx.select({ email: users.email }).from(users).where(eq(users.id, n.userId)).get();
  if (user) {
    tx.insert(outbox).values({ channel: "email", recipient: user.email, subject: n.title, body: n.body, createdAt: n.at }).run();
    // No mailer in development: the outbox row is what one would send.
    if (process.env.NODE_ENV === "development") logger.info({ outbox: "email", recipient: user.email, subject: n.title }, "email queued");
  }
  return true;
}

/** Tells the consumer their pay-later status changed (one notification per change). */
export function notifyPayLaterChange(tx: Db, userId: number, change: "suspended" | "reinstated" | null, at: Date): void {
  if (change === "suspended")
    notify(tx, {
      userId,
      kind: "pay_later_suspended",
      title: "Pay later is suspended",
      body: "A payment is overdue, so pay later is suspended. Repay what is overdue and it comes back automatically.",
      link: "/account/bills",
      dedupeKey: `pay_later_suspended:${userId}:${at.getTime()}`,
      at,
    });
  if (change === "reinstated")
    notify(tx, {
      userId,
      kind: "pay_later_reinstated",
      title: "Pay later is back",
      body: "Everything overdue is paid, so pay later is enabled again.",
      link: "/account/credit",
      dedupeKey: `pay_later_reinstated:${userId}:${at.getTime()}`,
      at,
    });
}
