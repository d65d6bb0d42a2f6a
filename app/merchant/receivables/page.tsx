import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card, PageHeader, Section } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { LoadingBlock } from "@/components/ui/loading-block";
import { ReceivablesFigures } from "@/components/receivables-figures";
import { ReceivablesTrend } from "@/components/merchant/receivables-trend";
import { formatFen } from "@/lib/format";
import { AGING_BUCKETS } from "@/server/domain/instalments";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantReceivables"))("title") };
}

const params = z.object({
  sort: z.enum(["days", "amount"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  after: z.string().max(60).optional().catch(undefined),
});

export default async function MerchantReceivablesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = params.parse(await searchParams);
  const sort = p.sort ?? "days";
  const dir = p.dir ?? "desc";
  const [api, t, tc] = await Promise.all([serverApi(), getTranslations("merchantReceivables"), getTranslations("staff")]);
  const [summary, overdue] = await Promise.all([
    api.merchant.receivables.summary(),
    api.merchant.receivables.overdue({ sort, dir, cursor: p.after, limit: 20 }),
  ]);
  const overdueTotal = summary.overdueFen;
  const link = (change: { sort?: string; dir?: string; after?: string }) => {
    const q = new URLSearchParams(Object.entries({ sort, dir, ...change }).filter((e): e is [string, string] => !!e[1]));
    return `/merchant/receivables?${q.toString()}#overdue-heading`;
  };
  const ariaSort = (key: "days" | "amount") => (sort === key ? (dir === "desc" ? "descending" : "ascending") : undefined);
  const sortLink = (key: "days" | "amount", label: string) => {
    const active = sort === key;
    return (
      <Link href={link({ sort: key, dir: active && dir === "desc" ? "asc" : "desc" })} className="underline-offset-2 hover:underline">
        {label}
        {active ? <span aria-hidden> {dir === "desc" ? "↓" : "↑"}</span> : null}
        {active ? <span className="sr-only">{dir === "desc" ? tc("sortedDescending") : tc("sortedAscending")}</span> : null}
      </Link>
    );
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href="/merchant/receivables/export" download className={buttonClass("secondary")}>
            {t("export")}
          </a>
        }
      />
      <ReceivablesFigures summary={summary} />

      <Section id="aging" title={t("aging")}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {AGING_BUCKETS.map((bucket) => {
            const amount = summary.aging[bucket.key];
            const share = overdueTotal > 0 ? Math.round((amount / overdueTotal) * 100) : 0;
            return (
              <div
                key={bucket.key}
                role="group"
                aria-labelledby={`aging-${bucket.key}`}
                className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
              >
                <h3 id={`aging-${bucket.key}`} className="text-sm font-medium text-slate-500">
                  {t(`bucket_${bucket.key}`)}
                </h3>
                <p className={`mt-1 text-2xl font-semibold tabular-nums ${amount > 0 ? "text-red-700" : "text-slate-900"}`}>{formatFen(amount)}</p>
                <div className="mt-2 h-2 rounded bg-slate-100" aria-hidden>
                  <div className="h-2 rounded bg-red-500" style={{ width: `${share}%` }} />
                </div>
                <p className="mt-1 text-xs text-slate-500">{t("share", { share })}</p>
              </div>
            );
          })}
        </div>
      </Section>

      <Card title={t("trend")}>
        <Suspense fallback={<LoadingBlock label={tc("loading")} height="h-[324px]" />}>
          <Trend />
        </Suspense>
      </Card>

      <Section id="overdue" title={t("overdueHeading")}>
        <DataTable
          caption={t("overdueCaption")}
          minWidth="36rem"
          rows={overdue.items}
          rowKey={(row) => row.instalmentId}
          empty={{ title: p.after ? t("emptyMore") : t("empty"), body: t("emptyBody") }}
          columns={[
            {
              key: "customer",
              header: t("colCustomer"),
              cell: (row) => (
                <>
                  {row.customer.name}
                  <span className="block text-xs text-slate-500">{row.customer.email}</span>
                </>
              ),
            },
            {
              key: "order",
              header: t("colOrder"),
              className: "whitespace-nowrap",
              cell: (row) => (
                <Link href={`/merchant/orders/${row.orderId}`} className="text-brand-700 underline">
                  {row.orderNumber}
                </Link>
              ),
            },
            {
              key: "amount",
              header: sortLink("amount", t("colAmount")),
              label: t("colAmount"),
              ariaSort: ariaSort("amount"),
              align: "right",
              cell: (row) => formatFen(row.amountOverdueFen),
            },
            {
              key: "days",
              header: sortLink("days", t("colDays")),
              label: t("colDays"),
              ariaSort: ariaSort("days"),
              align: "right",
              cell: (row) => row.daysPastDue,
            },
            { key: "fee", header: t("colLateFee"), align: "right", cell: (row) => formatFen(row.lateFeeFen) },
          ]}
        />
        <nav aria-label={t("overduePages")} className="mt-3 flex gap-4 text-sm">
          {p.after ? (
            <Link href={link({})} className="text-brand-700 underline">
              {tc("firstPage")}
            </Link>
          ) : null}
          {overdue.nextCursor ? (
            <Link href={link({ after: overdue.nextCursor })} className="text-brand-700 underline">
              {tc("nextPage")}
            </Link>
          ) : null}
        </nav>
      </Section>
    </div>
  );
}

/** The 12-week trend rebuilds each week from due dates and payments, so it streams in after the figures. */
async function Trend() {
  const api = await serverApi();
  return <ReceivablesTrend weeks={await api.merchant.receivables.trend()} />;
}
