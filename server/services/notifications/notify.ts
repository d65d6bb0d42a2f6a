// In-app notifications, each once (dedupe key), with an outbox row a mailer can drain.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
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
  return notifyMany(tx, [n]) === 1;
}

/**
 * Inserts each notification unless one with its dedupe key exists (also within `list`), and an outbox
 * email for each one inserted, in two statements whatever the length; returns how many were inserted.
 * Runs inside the caller's transaction.
 */
export function notifyMany(tx: Db, list: readonly NewNotification[]): number {
  if (list.length === 0) return 0;
  const rows = JSON.stringify(list.map((n) => [n.userId, n.kind, n.title, n.body, n.link ?? null, n.dedupeKey, n.at.getTime()]));
  const inserted = tx.all<{ id: number }>(sql`
    INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(${rows}) WHERE true
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`);
  if (inserted.length === 0) return 0;
  // No mailer in development: the outbox rows are what one would send.
  tx.run(sql`
    INSERT INTO outbox (channel, recipient, subject, body, created_at)
    SELECT 'email', u.email, n.title, n.body, n.created_at
    FROM notifications n JOIN users u ON u.id = n.user_id
    WHERE n.id IN (SELECT value FROM json_each(${JSON.stringify(inserted.map((r) => r.id))}))
    ORDER BY n.id`);
  if (process.env.NODE_ENV === "development") logger.info({ outbox: "email", count: inserted.length, subject: list[0]!.title }, "email queued");
  return inserted.length;
}

/** The notice of a pay-later status change (one per change). */
export function payLaterChangeNotice(userId: number, change: "suspended" | "reinstated", at: Date): NewNotification {
  return change === "suspended"
    ? {
        userId,
        kind: "pay_later_suspended",
        title: "Pay later is suspended",
        body: "A payment is overdue, so pay later is suspended. Repay what is overdue and it comes back automatically.",
        link: "/account/bills",
        dedupeKey: `pay_later_suspended:${userId}:${at.getTime()}`,
        at,
      }
    : {
        userId,
        kind: "pay_later_reinstated",
        title: "Pay later is back",
        body: "Everything overdue is paid, so pay later is enabled again.",
        link: "/account/credit",
        dedupeKey: `pay_later_reinstated:${userId}:${at.getTime()}`,
        at,
      };
}

/** Tells the consumer their pay-later status changed (one notification per change). */
export function notifyPayLaterChange(tx: Db, userId: number, change: "suspended" | "reinstated" | null, at: Date): void {
  if (change) notify(tx, payLaterChangeNotice(userId, change, at));
}
