import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { LanguageButtons } from "./language-buttons";

const NAMES = { en: "English", "zh-CN": "中文" } as const;

/** Each language offered by its own name, with the confirmation said in that language. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  const options = LOCALES.map((l) => ({ locale: l, name: NAMES[l], confirmation: (MESSAGES[l].states as Record<string, string>).languageSet! }));
  return <LanguageButtons label={t("language")} current={locale} options={options} />;
}
