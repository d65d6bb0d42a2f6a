"use client";
import { useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import { setLocale } from "@/i18n/actions";

type Option = { locale: string; name: string; confirmation: string };

/** The switch is a server action (the cookie keeps the choice, the page re-renders in it); the confirmation is announced and toasted. */
export function LanguageButtons({ label, current, options }: { label: string; current: string; options: Option[] }) {
  const [pending, startTransition] = useTransition();
  const [confirmed, setConfirmed] = useState<string | null>(null);

  function choose(formData: FormData) {
    const option = options.find((o) => o.locale === formData.get("locale"));
    startTransition(async () => {
      await setLocale(formData);
      if (option) {
        setConfirmed(option.confirmation);
        toast.success(option.confirmation);
      }
    });
  }

  return (
    <form action={choose} aria-label={label} aria-busy={pending} className="flex items-center">
      {options.map((o) => (
        <button
          key={o.locale}
          type="submit"
          name="locale"
          value={o.locale}
          lang={o.locale}
          aria-pressed={o.locale === current}
          className="min-h-11 min-w-11 rounded-lg px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-100 aria-pressed:text-brand-700"
        >
          {o.name}
        </button>
      ))}
      {/* Announced only; the visible confirmation is the page itself changing language, plus the toast. */}
      <p role="status" className="sr-only">
        {confirmed}
      </p>
    </form>
  );
}
