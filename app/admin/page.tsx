import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionsCard } from "@/components/layout/sessions-card";
import { DeniedNotice } from "@/components/layout/denied-notice";
import { PageHeader, Stat } from "@/components/ui/card";
import { ReceivablesFigures } from "@/components/receivables-figures";
import { StoreReceivablesTable } from "@/components/admin/store-receivables-table";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOverview"))("title") };
}

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const [api, t] = await Promise.all([serverApi(), getTranslations("adminOverview")]);
  const overview = await api.admin.overview();
  return (
    <div className="space-y-6">
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("consumers")} value={overview.consumers} />
        <Stat label={t("payLaterEnabled")} value={overview.payLaterEnabled} hint={t("suspended", { count: overview.payLaterSuspended })} />
        <Stat label={t("activeStores")} value={overview.activeStores} />
        <Stat label={t("volume")} value={formatFen(overview.payLaterVolumeFen)} hint={t("orders", { count: overview.payLaterOrders })} />
      </div>
      <section aria-labelledby="platform-receivables">
        <h2 id="platform-receivables" className="mb-3 text-lg font-semibold">
          {t("platformReceivables")}
        </h2>
        <ReceivablesFigures summary={overview.receivables} />
      </section>
      <section aria-labelledby="store-receivables">
        <h2 id="store-receivables" className="mb-3 text-lg font-semibold">
          {t("byStore")}
        </h2>
        <StoreReceivablesTable stores={overview.stores} caption={t("byStore")} />
      </section>
      <SessionsCard />
    </div>
  );
}
