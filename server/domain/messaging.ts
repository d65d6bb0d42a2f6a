// "or 3 × ¥433.00 with Pay later": what a merchant's product page may say of an amount (GET /api/v1/messaging and
// the embeddable script), from the same offer the store's own product cards show (payLaterOffer).
import { formatFen } from "./money";

export const MESSAGING_LOCALES = ["en", "zh-CN"] as const;
export type MessagingLocale = (typeof MESSAGING_LOCALES)[number];

/** Publishable keys start with this; they identify a store and are safe to put in a web page. */
export const PUBLISHABLE_KEY_PREFIX = "hk_pub_";

export function looksLikePublishableKey(key: string): boolean {
  return key.startsWith(PUBLISHABLE_KEY_PREFIX) && key.length >= PUBLISHABLE_KEY_PREFIX.length + 16 && key.length <= 100;
}

export type PayLaterMessage = {
  /** False when pay later is off or the amount is outside the store's min/max: show nothing. */
  eligible: boolean;
  sentence: string;
  instalmentCount: number | null;
  instalmentFen: number | null;
  amountFen: number;
  locale: MessagingLocale;
};

/** The sentence for an offer in `locale` (empty when there is no offer). */
export function payLaterMessage(offer: { count: number; instalmentFen: number } | null, amountFen: number, locale: MessagingLocale): PayLaterMessage {
  if (!offer) return { eligible: false, sentence: "", instalmentCount: null, instalmentFen: null, amountFen, locale };
  const amount = formatFen(offer.instalmentFen, locale === "zh-CN" ? "zh-CN" : "en");
  const sentence = locale === "zh-CN" ? `或先享后付 ${offer.count} × ${amount}` : `or ${offer.count} × ${amount} with Pay later`;
  return { eligible: true, sentence, instalmentCount: offer.count, instalmentFen: offer.instalmentFen, amountFen, locale };
}
