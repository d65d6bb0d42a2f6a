import Link from "next/link";
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
      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading" className="mb-3 text-lg font-semibold">Needs your attention</h2>
        {overview.ordersToShip === 0 && overview.newlyOverdue.count === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">Nothing right now: every order is shipped and nothing went overdue this week.</p>
        ) : (
          <ul className="space-y-2">
            {overview.ordersToShip > 0 ? (
              <li className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
                <span>{overview.ordersToShip === 1 ? "1 order is" : `${overview.ordersToShip} orders are`} waiting to be shipped.</span>
                <Link href="/merchant/orders?status=placed" className="font-medium text-brand-700 underline">Orders to ship</Link>
              </li>
            ) : null}
            {overview.newlyOverdue.count > 0 ? (
              <li className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm">
                <span>
                  {overview.newlyOverdue.count === 1 ? "1 instalment" : `${overview.newlyOverdue.count} instalments`} went overdue in the last 7 days ({formatFen(overview.newlyOverdue.amountFen)}).
                </span>
                <Link href="/merchant/receivables?sort=days&dir=asc#overdue-heading" className="font-medium text-brand-700 underline">Newly overdue</Link>
              </li>
            ) : null}
          </ul>
        )}
      </section>
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
