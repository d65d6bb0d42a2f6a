import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/states/list-skeleton";
import { EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { InfoNotice, StatusNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { AutopaySummary } from "../autopay/autopay-summary";
import { BillCard } from "./bill-card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("bills") };
}

export default async function BillsPage({ searchParams }: { searchParams: Promise<{ paid?: string; reinstated?: string }> }) {
  const [t, tRepay, tStates, { paid: paidFen, reinstated }] = await Promise.all([
    getTranslations("billsPage"),
    getTranslations("bills"),
    getTranslations("states"),
    searchParams,
  ]);
  const paidAmount = paidFen && /^\d{1,12}$/.test(paidFen) ? Number(paidFen) : null;
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
      <Suspense fallback={<ListSkeleton label={tStates("loading")} rows={6} />}>
        <BillsList />
      </Suspense>
    </div>
  );
}

/** The figures and the bills themselves: streamed after the heading, so a long list never holds the page back. */
async function BillsList() {
  const api = await serverApi();
  const [{ bills, totals }, credit, autopay, t, tAutopay, locale] = await Promise.all([
    api.bills.list(),
    api.credit.summary(),
    api.autopay.status(),
    getTranslations("billsPage"),
    getTranslations("autopayPage"),
    getLocale(),
  ]);
  const open = bills.filter((b) => b.status === "open");
  const paid = bills.filter((b) => b.status === "paid");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("owedNow")} value={formatFen(totals.owedNowFen)} hint={t("owedNowHint")} tone={totals.overdueFen > 0 ? "danger" : "default"} />
        <Stat label={t("owedLater")} value={formatFen(totals.owedLaterFen)} />
        <Stat label={t("available")} value={formatFen(credit.availableCreditFen)} hint={t("ofLimit", { limit: formatFen(credit.limitFen) })} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2">
        <AutopaySummary status={autopay} />
        <Link className="inline-flex min-h-11 items-center text-sm text-brand-700 underline" href="/account/autopay">
          {autopay.cardLast4 ? tAutopay("manage") : tAutopay("setUp")}
        </Link>
      </div>
      {totals.overdueFen > 0 ? (
        <InfoNotice>
          {t("overdueNote", { amount: formatFen(totals.overdueFen) })}{" "}
          {credit.payLaterStatus === "suspended" && credit.suspendedReason === "overdue" ? t("suspendedUntil") : t("repayToKeep")}
        </InfoNotice>
      ) : null}
      <section aria-labelledby="open-bills" className="space-y-4">
        <h2 id="open-bills" className="text-lg font-semibold">
          {t("open")}
        </h2>
        {open.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          open.map((bill) => <BillCard key={bill.id} bill={bill} locale={locale} />)
        )}
      </section>
      {paid.length > 0 ? (
        <section aria-labelledby="paid-bills" className="space-y-4">
          <h2 id="paid-bills" className="text-lg font-semibold">
            {t("recentlyPaid")}
          </h2>
          {paid.map((bill) => (
            <BillCard key={bill.id} bill={bill} locale={locale} />
          ))}
        </section>
      ) : null}
    </>
  );
}
