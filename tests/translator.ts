// Messages as a page shows them, for tests that assert what a reader sees.
import { MESSAGES } from "@/i18n/messages";
import type { Translate } from "@/lib/i18n/localise";

/** A translator over one namespace, enough for these messages (plain {placeholders}). */
export function translator(locale: "en" | "zh-CN", namespace: string): Translate {
  const messages = MESSAGES[locale][namespace] as Record<string, string>;
  return (key, values) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`${locale} ${namespace}.${key} is missing`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));
  };
}
