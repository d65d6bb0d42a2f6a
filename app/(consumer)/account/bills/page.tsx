import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { InfoNotice, StatusNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { BillCard } from "./bill-card";

export const dynamic = "force-dynamic";

export default async function BillsPage({ searchParams }: { searchParams: Promise<{ paid?: string; reinstated?: string }> }) {
  const t = await getTranslations("billsPage");
  const tRepay = await getTranslations("bills");
  const { paid: paidFen, reinstated } = await searchParams;
  const paidAmount = paidFen && /^\d{1,12}$/.test(paidFen) ? Number(paidFen) : null;
  const api = await serverApi();
  const [{ bills, totals }, credit] = await Promise.all([api.bills.list(), api.credit.summary()]);
  const open = bills.filter((b) => b.status === "open");
  const paid = bills.filter((b) => b.status === "paid");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {paidAmount !== null ? (
        <StatusNotice>
          {tRepay("received", { amount: formatFen(paidAmount) })}
          {tRepay("paidInFull")}
          {reinstated ? tRepay("reinstated") : ""}
        </StatusNotice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Owed now" value={formatFen(totals.owedNowFen)} hint="Overdue and due within 7 days" tone={totals.overdueFen > 0 ? "danger" : "default"} />
        <Stat label="Owed later" value={formatFen(totals.owedLaterFen)} />
        <Stat label="Available credit" value={formatFen(credit.availableCreditFen)} hint={`of ${formatFen(credit.limitFen)} limit`} />
      </div>
      {totals.overdueFen > 0 ? (
        <InfoNotice>
          {formatFen(totals.overdueFen)} is overdue, late fees included. {credit.payLaterStatus === "suspended" && credit.suspendedReason === "overdue"
            ? "Pay later is suspended until it is repaid; it comes back automatically."
            : "Repay it to keep using pay later."}
        </InfoNotice>
      ) : null}
      <section aria-labelledby="open-bills" className="space-y-4">
        <h2 id="open-bills" className="text-lg font-semibold">Open bills</h2>
        {open.length === 0 ? (
          <EmptyState title="Nothing to repay">Bills for pay-later orders appear here.</EmptyState>
        ) : (
          open.map((bill) => <BillCard key={bill.id} bill={bill} />)
        )}
      </section>
      {paid.length > 0 ? (
        <section aria-labelledby="paid-bills" className="space-y-4">
          <h2 id="paid-bills" className="text-lg font-semibold">Recently paid</h2>
          {paid.map((bill) => <BillCard key={bill.id} bill={bill} />)}
        </section>
      ) : null}
    </div>
  );
}
