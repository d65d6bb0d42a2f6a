import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/i18n/actions";
import { LOCALES } from "@/i18n/locales";

const NAMES = { en: "English", "zh-CN": "中文" } as const;

/** A plain form (a server action), so switching works without client code; the choice is kept in a cookie. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  return (
    <form action={setLocale} aria-label={t("language")} className="flex items-center">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className="min-h-11 min-w-11 rounded-lg px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-100 aria-pressed:text-brand-700"
        >
          {NAMES[l]}
        </button>
      ))}
    </form>
  );
}
