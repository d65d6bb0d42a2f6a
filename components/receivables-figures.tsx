import { getLocale, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/card";
import { formatFen, formatPercent } from "@/lib/format";
import type { ReceivablesSummary } from "@/server/services/receivables/summary";

/** The receivables headline figures, shared by the merchant and admin areas. */
export async function ReceivablesFigures({ summary }: { summary: ReceivablesSummary }) {
  const [t, locale] = await Promise.all([getTranslations("merchantFigures"), getLocale()]);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Stat label={t("outstanding")} value={formatFen(summary.outstandingFen)} hint={t("outstandingHint", { count: summary.outstandingBills })} />
      <Stat label={t("dueIn7Days")} value={formatFen(summary.dueIn7DaysFen)} />
      <Stat
        label={t("overdue")}
        value={formatFen(summary.overdueFen)}
        tone={summary.overdueFen > 0 ? "danger" : "default"}
        hint={t("overdueHint", { bills: summary.overdueBills, customers: summary.overdueCustomers })}
      />
      <Stat label={t("collected")} value={formatFen(summary.collected30dFen)} hint={t("collectedHint")} />
      <Stat label={t("onTimeRate")} value={formatPercent(summary.onTimeRate, locale)} />
      <Stat label={t("overdueRate")} value={formatPercent(summary.overdueRate, locale)} />
    </div>
  );
}
