// What a notification says, stored as its kind and figures; the words live in the message files (namespace
// notificationText) and are put together in the reader's language when shown or emailed.
import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fen = z.number().int().nonnegative();

const PARAMS = {
  due_in_3: z.object({ amountFen: fen, dueDate: day }),
  due_today: z.object({ amountFen: fen }),
  overdue: z.object({ dueDate: day, feeFen: fen }),
  payment_received: z.object({ amountFen: fen, billPaid: z.boolean() }),
  pay_later_suspended: z.object({}),
  pay_later_reinstated: z.object({}),
  // An admin's suspension, in the admin's own words.
  pay_later_suspended_by_support: z.object({ reason: z.string().max(300) }),
  // The answer to a support question, as the admin wrote it.
  support_answer: z.object({ answer: z.string().max(2000) }),
  order_refunded: z.object({
    store: z.string().max(200),
    orderNumber: z.string().max(40),
    amountFen: fen,
    paidBackFen: fen,
    // The bill's open instalments after the refund; null for an order paid at once, empty when nothing more is owed.
    schedule: z
      .array(z.object({ dueDate: day, amountFen: fen }))
      .max(24)
      .nullable(),
  }),
  // Autopay: the reminder before a charge, and a declined charge (`stopped` once it was the last attempt).
  autopay_upcoming: z.object({ amountFen: fen, dueDate: day, cardLast4: z.string().regex(/^\d{4}$/) }),
  autopay_declined: z.object({
    amountFen: fen,
    dueDate: day,
    cardLast4: z.string().regex(/^\d{4}$/),
    attempt: z.number().int().min(1).max(10),
    stopped: z.boolean(),
  }),
} as const;

export type NotificationKind = keyof typeof PARAMS;
export type NotificationParams<K extends NotificationKind = NotificationKind> = z.infer<(typeof PARAMS)[K]>;
/** A notification's content: its kind and the figures its sentence needs. */
export type NotificationContent = { [K in NotificationKind]: { kind: K; params: NotificationParams<K> } }[NotificationKind];

export const NOTIFICATION_KINDS = Object.keys(PARAMS) as NotificationKind[];

/** The stored kind and params as content, or null when they are not a known kind with valid figures. */
export function parseNotificationContent(kind: string, params: unknown): NotificationContent | null {
  if (!Object.hasOwn(PARAMS, kind)) return null;
  const parsed = PARAMS[kind as NotificationKind].safeParse(params);
  return parsed.success ? ({ kind, params: parsed.data } as NotificationContent) : null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
/** How figures are written in the reader's language. */
export type NotificationFormat = { money: (fen: number) => string; day: (isoDate: string) => string };

/** The notification's title and body through a translator over the notificationText namespace. */
export function notificationWords(t: Translate, content: NotificationContent, format: NotificationFormat): { title: string; body: string } {
  const title = t(`${content.kind}Title`);
  switch (content.kind) {
    case "due_in_3":
      return { title, body: t("due_in_3Body", { amount: format.money(content.params.amountFen), date: format.day(content.params.dueDate) }) };
    case "due_today":
      return { title, body: t("due_todayBody", { amount: format.money(content.params.amountFen) }) };
    case "overdue":
      return { title, body: t("overdueBody", { date: format.day(content.params.dueDate), fee: format.money(content.params.feeFen) }) };
    case "payment_received":
      return {
        title,
        body: t(content.params.billPaid ? "payment_receivedBodyFull" : "payment_receivedBody", { amount: format.money(content.params.amountFen) }),
      };
    case "pay_later_suspended":
    case "pay_later_reinstated":
      return { title, body: t(`${content.kind}Body`) };
    case "pay_later_suspended_by_support":
      // The sentence ends with its own full stop, so the admin's may go.
      return { title, body: t("pay_later_suspended_by_supportBody", { reason: content.params.reason.replace(/[.。!！]+$/, "") }) };
    case "support_answer":
      return { title, body: t("support_answerBody", { answer: content.params.answer }) };
    case "order_refunded": {
      const p = content.params;
      const parts = [t("order_refundedBody", { store: p.store, amount: format.money(p.amountFen), number: p.orderNumber })];
      if (p.paidBackFen > 0) parts.push(t("order_refundedPaidBack", { amount: format.money(p.paidBackFen) }));
      if (p.schedule && p.schedule.length === 0) parts.push(t("order_refundedSettled"));
      if (p.schedule && p.schedule.length > 0) {
        const items = p.schedule.map((i) => t("order_refundedItem", { amount: format.money(i.amountFen), date: format.day(i.dueDate) }));
        parts.push(t("order_refundedSchedule", { items: items.join(t("order_refundedJoin")) }));
      }
      return { title: t("order_refundedTitle", { number: p.orderNumber }), body: parts.join(" ") };
    }
    case "autopay_upcoming": {
      const p = content.params;
      return { title, body: t("autopay_upcomingBody", { amount: format.money(p.amountFen), date: format.day(p.dueDate), last4: p.cardLast4 }) };
    }
    case "autopay_declined": {
      const p = content.params;
      const values = { amount: format.money(p.amountFen), date: format.day(p.dueDate), last4: p.cardLast4 };
      return {
        title: t(p.stopped ? "autopay_stoppedTitle" : "autopay_declinedTitle"),
        body: t(p.stopped ? "autopay_stoppedBody" : "autopay_declinedBody", values),
      };
    }
  }
}
