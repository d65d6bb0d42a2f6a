// Words the server hands over in English (status sentences, score bands, cart problems, notifications), in the page's
// language. Each helper takes a translator for one namespace: next-intl's server `t` and the client `useText` both fit.
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** English shows the server's own words (policy labels, refusal sentences); other locales translate by code. */
export function serverWords(locale: string, english: string, translated: () => string): string {
  return locale === "en" ? english : translated();
}

/** A plan's name: the policy's own label in English, the translation of its code elsewhere (unknown codes keep the label). */
export function planLabel(t: Translate, locale: string, code: string, label: string): string {
  return locale === "en" || !(code === "pay_in_30" || code === "pay_in_3") ? label : t(code);
}

type CreditFacts = {
  payLaterStatus: "enabled" | "not_enabled" | "suspended";
  suspendedReason: "overdue" | "admin" | null;
  score: number;
  minScore: number;
};

/** The pay-later status sentence (the same cases as the domain's payLaterStatusSentence), namespace creditStatus. */
export function payLaterStatusText(t: Translate, credit: CreditFacts): string {
  switch (credit.payLaterStatus) {
    case "enabled":
      return t("enabled");
    case "suspended":
      return t(credit.suspendedReason === "admin" ? "suspendedAdmin" : "suspendedOverdue");
    case "not_enabled":
      return t(credit.score >= credit.minScore ? "canEnable" : "belowThreshold", { score: credit.score, min: credit.minScore });
  }
}

/** The score band's name and meaning (bands as in the domain's scoreBandLabel), namespace scoreBand. */
export function scoreBandText(t: Translate, score: number): { label: string; meaning: string } {
  const key = score >= 750 ? "excellent" : score >= 700 ? "veryGood" : score >= 650 ? "good" : score >= 600 ? "fair" : "building";
  return { label: t(key), meaning: t(`${key}Meaning`) };
}

/** Why a cart line cannot be ordered (the cart service's English sentence), namespace cartProblem. */
export function cartProblemText(t: Translate, problem: string | null): string | null {
  if (problem === null) return null;
  if (problem === "No longer available.") return t("unavailable");
  if (problem === "Out of stock.") return t("outOfStock");
  const left = /^Only (\d+) left\.$/.exec(problem);
  return left ? t("onlyLeft", { count: Number(left[1]) }) : problem;
}

type StoredNotification = { kind: string; title: string; body: string };

/**
 * A notification in the page's language. Notifications are stored as English sentences (they are also emailed), so the
 * figures are read back out of the sentence; anything not recognised is shown as stored. Namespace notificationText.
 */
export function notificationText(t: Translate, n: StoredNotification, formatDay: (day: string) => string): { title: string; body: string } {
  const values = notificationValues(n.kind, n.body);
  if (!values) return { title: n.title, body: n.body };
  const { bodyKey, ...rest } = values;
  const localised = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === "date" ? formatDay(v) : v]));
  return { title: t(`${n.kind}Title`), body: t(bodyKey, localised) };
}

const DAY = "(\\d{4}-\\d{2}-\\d{2})";
const MONEY = "(¥[\\d,]+\\.\\d{2})";
const NOTIFICATION_BODIES: Record<string, { pattern: RegExp; build: (m: RegExpExecArray) => Record<string, string> }[]> = {
  due_in_3: [{ pattern: new RegExp(`^${MONEY} is due on ${DAY}\\.$`), build: (m) => ({ bodyKey: "due_in_3Body", amount: m[1]!, date: m[2]! }) }],
  due_today: [{ pattern: new RegExp(`^${MONEY} is due today\\.$`), build: (m) => ({ bodyKey: "due_todayBody", amount: m[1]! }) }],
  overdue: [
    {
      pattern: new RegExp(`^Your instalment due ${DAY} is overdue\\. A late fee of ${MONEY} was added; repay it to keep pay later\\.$`),
      build: (m) => ({ bodyKey: "overdueBody", date: m[1]!, fee: m[2]! }),
    },
  ],
  payment_received: [
    {
      pattern: new RegExp(`^We received your payment of ${MONEY}(; the bill is paid in full)?\\. Thank you\\.$`),
      build: (m) => ({ bodyKey: m[2] ? "payment_receivedBodyFull" : "payment_receivedBody", amount: m[1]! }),
    },
  ],
  pay_later_suspended: [{ pattern: /^A payment is overdue, so pay later is suspended\./, build: () => ({ bodyKey: "pay_later_suspendedBody" }) }],
  pay_later_reinstated: [
    { pattern: /^Everything overdue is paid, so pay later is enabled again\.$/, build: () => ({ bodyKey: "pay_later_reinstatedBody" }) },
  ],
};

export function notificationValues(kind: string, body: string): ({ bodyKey: string } & Record<string, string>) | null {
  for (const { pattern, build } of NOTIFICATION_BODIES[kind] ?? []) {
    const match = pattern.exec(body);
    if (match) return build(match) as { bodyKey: string } & Record<string, string>;
  }
  return null;
}
