"use client";
import { useText } from "@/lib/i18n/text";

/** The merchant and admin segments' error boundary: an alert with a retry, in the area's language. */
export function StaffPageError({ reset }: { error: Error; reset: () => void }) {
  const t = useText("staff");
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{t("errorTitle")}</h1>
      <p className="text-sm">{t("errorBody")}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-red-700 px-4 text-sm font-medium text-white">
        {t("retry")}
      </button>
    </div>
  );
}
