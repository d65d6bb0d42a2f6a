import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatFen } from "@/lib/format";
import type { AutopayStatus } from "@/server/services/autopay/autopay-status";

/** "Autopay on · card …4242 · next charge Dec 31, ¥433.00", or that it is off: on the bills and autopay pages. */
export async function AutopaySummary({ status }: { status: AutopayStatus }) {
  const [t, locale] = await Promise.all([getTranslations("autopayPage"), getLocale()]);
  const parts = status.enabled ? [t("on"), t("card", { last4: status.cardLast4 ?? "" })] : [t("off")];
  return (
    <p className="text-sm font-medium text-slate-800" data-testid="autopay-summary">
      {parts.join(" · ")}
      {status.enabled && status.nextCharge ? (
        <>
          {" · "}
          {t("nextCharge")} <time dateTime={status.nextCharge.date}>{formatDate(status.nextCharge.date, locale)}</time>
          {t("amountSeparator")}
          <span className="tabular-nums">{formatFen(status.nextCharge.amountFen)}</span>
        </>
      ) : null}
    </p>
  );
}
