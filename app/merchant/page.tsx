import { DeniedNotice } from "@/components/layout/denied-notice";
import { PageHeader, Stat } from "@/components/ui/card";
import { ReceivablesFigures } from "@/components/receivables-figures";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export default async function MerchantOverviewPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const api = await serverApi();
  const overview = await api.merchant.overview();
  const offersPayLater = overview.store.payLaterEnabled && !overview.store.payLaterForcedOff;
  return (
    <div className="space-y-6">
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title={overview.store.name} description={offersPayLater ? "Pay later checkout is on." : "Pay later checkout is off."} />
      <section aria-labelledby="today-heading">
        <h2 id="today-heading" className="mb-3 text-lg font-semibold">Today</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat label="Orders today" value={overview.ordersToday} />
          <Stat label="Sales today" value={formatFen(overview.salesTodayFen)} />
          <Stat label="Orders to ship" value={overview.ordersToShip} tone={overview.ordersToShip > 0 ? "danger" : "default"} />
        </div>
      </section>
      <section aria-labelledby="receivables-heading">
        <h2 id="receivables-heading" className="mb-3 text-lg font-semibold">Receivables</h2>
        <ReceivablesFigures summary={overview.receivables} />
      </section>
    </div>
  );
}
