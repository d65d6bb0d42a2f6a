import { DeniedNotice } from "@/components/layout/denied-notice";
import { PageHeader, Stat } from "@/components/ui/card";
import { ReceivablesFigures } from "@/components/receivables-figures";
import { StoreReceivablesTable } from "@/components/admin/store-receivables-table";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const api = await serverApi();
  const overview = await api.admin.overview();
  return (
    <div className="space-y-6">
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title="Platform overview" description="Pay-later volume and receivables across every store." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Consumers" value={overview.consumers} />
        <Stat label="Pay later enabled" value={overview.payLaterEnabled} hint={`${overview.payLaterSuspended} suspended`} />
        <Stat label="Active stores" value={overview.activeStores} />
        <Stat label="Pay-later volume" value={formatFen(overview.payLaterVolumeFen)} hint={`${overview.payLaterOrders} orders`} />
      </div>
      <section aria-labelledby="platform-receivables">
        <h2 id="platform-receivables" className="mb-3 text-lg font-semibold">Platform receivables</h2>
        <ReceivablesFigures summary={overview.receivables} />
      </section>
      <section aria-labelledby="store-receivables">
        <h2 id="store-receivables" className="mb-3 text-lg font-semibold">Receivables by store</h2>
        <StoreReceivablesTable stores={overview.stores} caption="Receivables by store" />
      </section>
    </div>
  );
}
