import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeniedNotice } from "@/components/layout/denied-notice";
import { PageHeader, Stat, Section } from "@/components/ui/card";
import { ReceivablesFigures } from "@/components/receivables-figures";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantOverview"))("metaTitle") };
}

export default async function MerchantOverviewPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const [api, t] = await Promise.all([serverApi(), getTranslations("merchantOverview")]);
  const overview = await api.merchant.overview();
  const offersPayLater = overview.store.payLaterEnabled && !overview.store.payLaterForcedOff;
  return (
    <div className="space-y-6">
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title={overview.store.name} description={offersPayLater ? t("payLaterOn") : t("payLaterOff")} />
      <Section id="attention" title={t("attention")}>
        {overview.ordersToShip === 0 && overview.newlyOverdue.count === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("nothingNow")}</p>
        ) : (
          <ul className="space-y-2">
            {overview.ordersToShip > 0 ? (
              <li className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
                <span>{t("toShip", { count: overview.ordersToShip })}</span>
                <Link href="/merchant/orders?status=placed" className="font-medium text-brand-700 underline">
                  {t("toShipLink")}
                </Link>
              </li>
            ) : null}
            {overview.newlyOverdue.count > 0 ? (
              <li className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm">
                <span>{t("newlyOverdue", { count: overview.newlyOverdue.count, amount: formatFen(overview.newlyOverdue.amountFen) })}</span>
                <Link href="/merchant/receivables?sort=days&dir=asc#overdue-heading" className="font-medium text-brand-700 underline">
                  {t("newlyOverdueLink")}
                </Link>
              </li>
            ) : null}
          </ul>
        )}
      </Section>
      <Section id="today" title={t("today")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat label={t("ordersToday")} value={overview.ordersToday} />
          <Stat label={t("salesToday")} value={formatFen(overview.salesTodayFen)} />
          <Stat label={t("ordersToShip")} value={overview.ordersToShip} tone={overview.ordersToShip > 0 ? "danger" : "default"} />
        </div>
      </Section>
      <Section id="receivables" title={t("receivables")}>
        <ReceivablesFigures summary={overview.receivables} />
      </Section>
    </div>
  );
}
