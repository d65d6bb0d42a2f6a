import { formatDate, formatFen } from "@/lib/format";
import type { NotificationContent } from "@/server/domain/notifications";
import { notificationWords } from "@/server/domain/notifications";
import type { CartProblem } from "@/server/domain/orders";
import type { ScoreStanding } from "@/server/domain/policy";

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
  hasOverdue: boolean;
};

/** The pay-later status sentence (the same cases as the domain's payLaterStatusSentence), namespace creditStatus. */
export function payLaterStatusText(t: Translate, credit: CreditFacts): string {
  switch (credit.payLaterStatus) {
    case "enabled":
      return t("enabled");
    case "suspended":
      if (credit.suspendedReason === "admin") return t("suspendedAdmin");
      if (!credit.hasOverdue && credit.score < credit.minScore) return t("suspendedBelowThreshold", { score: credit.score, min: credit.minScore });
      return t("suspendedOverdue");
    case "not_enabled":
      return t(credit.score >= credit.minScore ? "canEnable" : "belowThreshold", { score: credit.score, min: credit.minScore });
  }
}

/** An order's status with "Partly refunded ¥500.00" beside it when some, not all, was refunded; namespace orderStatus. */
export function orderStatusText(
  t: Translate,
  order: { status: string; partlyRefunded: boolean; refundedFen: number },
  money: (fen: number) => string,
): { status: string; partly: string | null } {
  return { status: t(order.status), partly: order.partlyRefunded ? t("partlyRefunded", { amount: money(order.refundedFen) }) : null };
}

type Standing = { status: "upcoming" | "due_soon" | "in_grace" | "overdue" | "paid" | "void"; daysPastDue: number; lateFeeFrom: string | null };

/**
 * An instalment's standing in words (instalmentStanding's), namespace instalmentStatus: "11 days past due",
 * "2 days past due · late fee from Nov 24, 2026", or the status's name.
 */
export function instalmentStandingText(t: Translate, inst: Standing, formatDay: (day: string) => string): string {
  if (inst.status === "overdue") return t("pastDue", { days: inst.daysPastDue });
  if (inst.status === "in_grace") return t("inGrace", { days: inst.daysPastDue, date: formatDay(inst.lateFeeFrom ?? "") });
  return t(inst.status);
}

/** The score band's name and meaning (as the domain's scoreBandLabel says them), namespace scoreBand. */
export function scoreBandText(t: Translate, s: ScoreStanding, money: (fen: number) => string): { label: string; meaning: string } {
  const values = {
    min: s.minScore,
    limit: money(s.limitFen),
    next: s.nextMinScore ?? "",
    nextLimit: s.nextLimitFen === null ? "" : money(s.nextLimitFen),
  };
  return { label: t(s.tier), meaning: t(`${s.place}Meaning`, values) };
}

/** Why a cart line cannot be ordered (the cart service's problem kind), namespace cartProblem. */
export function cartProblemText(t: Translate, problem: CartProblem | null): string | null {
  if (problem === null) return null;
  return problem.kind === "onlyLeft" ? t("onlyLeft", { count: problem.count }) : t(problem.kind);
}

type ListedNotification = { content: NotificationContent | null; storedText: { title: string; body: string } | null };

/**
 * A notification in the page's language, from its kind and figures, namespace notificationText. A row from before
 * notifications had figures, which the migration could not convert, shows the English it was stored with.
 */
export function notificationText(t: Translate, locale: string, n: ListedNotification): { title: string; body: string } {
  if (n.content) return notificationWords(t, n.content, { money: (fen) => formatFen(fen, locale), day: (day) => formatDate(day, locale) });
  return n.storedText ?? { title: t("unknownTitle"), body: t("unknownBody") };
}
