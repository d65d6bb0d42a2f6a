// In-app notifications, each once (dedupe key), with an outbox row a mailer can drain.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inIds, selectJsonRows, type JsonColumn } from "@/db/dialect";
import { exec, rows } from "@/db/query";
import { env } from "@/server/env";
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

const NOTIFICATION_COLUMNS: JsonColumn[] = [
  { name: "user_id", type: "integer" },
  { name: "kind", type: "text" },
  { name: "title", type: "text" },
  { name: "body", type: "text" },
  { name: "link", type: "text" },
  { name: "dedupe_key", type: "text" },
  { name: "created_at", type: "instant" },
];

/** Inserts the notification unless one with the same dedupe key exists; returns whether it did. Runs inside the caller's transaction. */
export async function notify(tx: Db, n: NewNotification): Promise<boolean> {
  return (await notifyMany(tx, [n])) === 1;
}

/**
 * Inserts each notification unless one with its dedupe key exists (also within `list`), and an outbox
 * email for each one inserted, in two statements whatever the length (the rows travel as one JSON parameter:
 * building a thousand-row insert costs more than running it); returns how many were inserted.
 * Runs inside the caller's transaction.
 */
export async function notifyMany(tx: Db, list: readonly NewNotification[]): Promise<number> {
  if (list.length === 0) return 0;
  const values = selectJsonRows(
    list.map((n) => [n.userId, n.kind, n.title, n.body, n.link ?? null, n.dedupeKey, n.at]),
    NOTIFICATION_COLUMNS,
  );
  const inserted = (
    await rows<{ id: number }>(
      tx,
      sql`
    INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at) ${values}
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`,
    )
  ).map((r) => r.id);
  if (inserted.length === 0) return 0;
  // No mailer in development: the outbox rows are what one would send.
  await exec(
    tx,
    sql`
    INSERT INTO outbox (channel, recipient, subject, body, created_at)
    SELECT 'email', u.email, n.title, n.body, n.created_at
    FROM notifications n JOIN users u ON u.id = n.user_id
    WHERE ${inIds(sql`n.id`, inserted)}
    ORDER BY n.id`,
  );
  if (env.NODE_ENV === "development") logger.info({ outbox: "email", count: inserted.length, subject: list[0]!.title }, "email queued");
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
export async function notifyPayLaterChange(tx: Db, userId: number, change: "suspended" | "reinstated" | null, at: Date): Promise<void> {
  if (change) await notify(tx, payLaterChangeNotice(userId, change, at));
}
