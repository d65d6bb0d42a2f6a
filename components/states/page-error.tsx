"use client";
import { useEffect } from "react";

const TEXT = {
  en: { title: "This page could not be loaded.", body: "Something went wrong on our side. Please try again.", retry: "Try again" },
  "zh-CN": { title: "此页面无法加载。", body: "我们这边出了点问题，请重试。", retry: "重试" },
} as const;

/** A route segment's error boundary: an alert with a retry, in the page's language (read from <html lang>). */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  const lang = typeof document !== "undefined" && document.documentElement.lang === "zh-CN" ? "zh-CN" : "en";
  const t = TEXT[lang];
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{t.title}</h1>
      <p className="text-sm">{t.body}{error.digest ? ` (${error.digest})` : ""}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-red-700 px-4 text-sm font-medium text-white hover:bg-red-800">
        {t.retry}
      </button>
    </div>
  );
}
