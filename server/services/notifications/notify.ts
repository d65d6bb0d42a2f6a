// In-app notifications, each once (dedupe key), with an outbox row a mailer can drain.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type JsonColumn, selectJsonRows } from "@/db/dialect";
import { exec, rows } from "@/db/query";
import english from "@/messages/en/consumer.json";
import { formatFen } from "@/server/domain/money";
import { type NotificationContent, notificationWords } from "@/server/domain/notifications";
import { env } from "@/server/env";
import { logger } from "@/server/log";

export type { NotificationKind } from "@/server/domain/notifications";

/** A notification to write: its kind and figures (the words are chosen per locale when it is read). */
export type NewNotification = NotificationContent & {
  userId: number;
  link?: string;
  dedupeKey: string;
  at: Date;
};

const NOTIFICATION_COLUMNS: JsonColumn[] = [
  { name: "user_id", type: "integer" },
  { name: "kind", type: "text" },
  { name: "params", type: "json" },
  { name: "link", type: "text" },
  { name: "dedupe_key", type: "text" },
  { name: "created_at", type: "instant" },
];

const OUTBOX_COLUMNS: JsonColumn[] = [
  { name: "position", type: "integer" },
  { name: "user_id", type: "integer" },
  { name: "subject", type: "text" },
  { name: "body", type: "text" },
  { name: "created_at", type: "instant" },
];

// Users have no language of their own yet, so the email says it in English.
const englishWords = (key: string, values?: Record<string, string | number>) =>
  (english.notificationText as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));

/** The notification as an English email (subject and body). */
export function notificationEmail(n: NotificationContent): { subject: string; body: string } {
  const words = notificationWords(englishWords, n, { money: (fen) => formatFen(fen), day: (day) => day });
  return { subject: words.title, body: words.body };
}

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
    list.map((n) => [n.userId, n.kind, JSON.stringify(n.params), n.link ?? null, n.dedupeKey, n.at]),
    NOTIFICATION_COLUMNS,
  );
  const inserted = new Set(
    (
      await rows<{ dedupeKey: string }>(
        tx,
        sql`
    INSERT INTO notifications (user_id, kind, params, link, dedupe_key, created_at) ${values}
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING dedupe_key AS "dedupeKey"`,
      )
    ).map((r) => r.dedupeKey),
  );
  if (inserted.size === 0) return 0;
  // No mailer in development: the outbox rows are what one would send. A dedupe key repeated within `list` was
  // inserted once, for its first entry.
  const emails = list
    .filter((n) => inserted.delete(n.dedupeKey))
    .map((n, position) => {
      const email = notificationEmail(n);
      return [position, n.userId, email.subject, email.body, n.at];
    });
  await exec(
    tx,
    sql`
    INSERT INTO outbox (channel, recipient, subject, body, created_at)
    SELECT 'email', u.email, e.subject, e.body, e.created_at
    FROM (${selectJsonRows(emails, OUTBOX_COLUMNS)}) e JOIN users u ON u.id = e.user_id
    ORDER BY e.position`,
  );
  if (env.NODE_ENV === "development") logger.info({ outbox: "email", count: emails.length, subject: emails[0]![2] }, "email queued");
  return emails.length;
}

/** The notice of a pay-later status change (one per change). */
export function payLaterChangeNotice(userId: number, change: "suspended" | "reinstated", at: Date): NewNotification {
  return change === "suspended"
    ? {
        userId,
        kind: "pay_later_suspended",
        params: {},
        link: "/account/bills",
        dedupeKey: `pay_later_suspended:${userId}:${at.getTime()}`,
        at,
      }
    : {
        userId,
        kind: "pay_later_reinstated",
        params: {},
        link: "/account/credit",
        dedupeKey: `pay_later_reinstated:${userId}:${at.getTime()}`,
        at,
      };
}

/** The notice of an admin's suspension, with the admin's reason and where to ask about it. */
export function payLaterSuspendedBySupportNotice(userId: number, reason: string, at: Date): NewNotification {
  return {
    userId,
    kind: "pay_later_suspended_by_support",
    params: { reason },
    link: "/support",
    dedupeKey: `pay_later_suspended_by_support:${userId}:${at.getTime()}`,
    at,
  };
}

/** The answer to a support question (one per ticket), linking back to the questions page. */
export function supportAnswerNotice(userId: number, ticketId: number, answer: string, link: string, at: Date): NewNotification {
  return {
    userId,
    kind: "support_answer",
    params: { answer },
    link,
    dedupeKey: `support_answer:${ticketId}`,
    at,
  };
}

/** Tells the consumer their pay-later status changed (one notification per change). */
export async function notifyPayLaterChange(tx: Db, userId: number, change: "suspended" | "reinstated" | null, at: Date): Promise<void> {
  if (change) await notify(tx, payLaterChangeNotice(userId, change, at));
}

/** The notice the credit jobs send when an instalment goes overdue and its late fee is charged (once per instalment). */
export function overdueNotice(n: { userId: number; instalmentId: number; dueDate: string; feeFen: number; at: Date }): NewNotification {
  return {
    userId: n.userId,
    kind: "overdue",
    params: { dueDate: n.dueDate, feeFen: n.feeFen },
    link: "/account/bills",
    dedupeKey: `overdue:${n.instalmentId}`,
    at: n.at,
  };
}

/**
 * The notice of a refund (one per refund): the amount, what goes back to the card, and what the bill asks from now
 * on (`schedule` null for an order paid at once, empty when nothing more is owed).
 */
export function refundNotice(r: {
  userId: number;
  refundId: number;
  orderId: number;
  orderNumber: string;
  storeName: string;
  amountFen: number;
  paidBackFen: number;
  schedule: { dueDate: string; amountFen: number }[] | null;
  at: Date;
}): NewNotification {
  return {
    userId: r.userId,
    kind: "order_refunded",
    params: { store: r.storeName, orderNumber: r.orderNumber, amountFen: r.amountFen, paidBackFen: r.paidBackFen, schedule: r.schedule },
    link: `/account/orders/${r.orderId}`,
    dedupeKey: `order_refunded:${r.refundId}`,
    at: r.at,
  };
}
