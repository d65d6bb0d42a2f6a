import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader, Stat, Section } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantCollections"))("title") };
}

const params = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  after: z.string().max(60).optional().catch(undefined),
});

export default async function MerchantCollectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = params.parse(await searchParams);
  const [api, t, locale] = await Promise.all([serverApi(), getTranslations("merchantCollections"), getLocale()]);
  const [days, entries, expected] = await Promise.all([
    api.merchant.receivables.collectionsByDay(),
    api.merchant.receivables.collections({ day: p.day ?? null, cursor: p.after ?? null, limit: 20 }),
    api.merchant.receivables.expected(),
  ]);
  const total = days.reduce((sum, d) => sum + d.collectedFen, 0);
  const expectedTotal = expected.reduce((sum, d) => sum + d.owedFen, 0);
  const newestFirst = [...days].reverse();
  const dayLink = (day: string | null, after?: string) => {
    const q = new URLSearchParams(Object.entries({ day, after }).filter((e): e is [string, string] => !!e[1]));
    const query = q.toString();
    return `/merchant/collections${query ? `?${query}` : ""}#entries-heading`;
  };

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat label={t("collected14")} value={formatFen(total)} />
        <Stat label={t("expected30")} value={formatFen(expectedTotal)} hint={t("expectedHint")} />
      </div>

      <Section id="days" title={t("perDay")}>
        <DataTable
          caption={t("perDayCaption")}
          minWidth="28rem"
          rows={newestFirst}
          rowKey={(d) => d.date}
          columns={[
            {
              key: "date",
              header: t("date"),
              rowHeader: true,
              className: "whitespace-nowrap",
              cell: (d) => formatDate(d.date, locale),
            },
            { key: "collected", header: t("collected"), align: "right", cell: (d) => formatFen(d.collectedFen) },
            { key: "orders", header: t("orders"), align: "right", cell: (d) => d.orders },
            {
              key: "see",
              header: <span className="sr-only">{t("details")}</span>,
              cell: (d) =>
                d.payments > 0 ? (
                  <Link href={dayLink(d.date)} className="text-brand-700 underline" aria-current={p.day === d.date ? "true" : undefined}>
                    <KeepDates>{t("seeDay", { date: formatDate(d.date, locale) })}</KeepDates>
                  </Link>
                ) : (
                  <span className="text-slate-500">—</span>
                ),
            },
          ]}
        />
      </Section>

      <Section id="entries" title={p.day ? <KeepDates>{t("entriesOn", { date: formatDate(p.day, locale) })}</KeepDates> : t("entries")}>
        {p.day ? (
          <p className="mb-3 text-sm">
            <Link href={dayLink(null)} className="text-brand-700 underline">
              {t("allDays")}
            </Link>
          </p>
        ) : null}
        <DataTable
          caption={t("entriesCaption")}
          minWidth="36rem"
          rows={entries.items}
          rowKey={(e) => e.id}
          empty={{ title: p.day ? t("emptyDay") : t("empty"), body: t("emptyBody") }}
          columns={[
            {
              key: "order",
              header: t("order"),
              rowHeader: true,
              cell: (e) => (
                <Link href={`/merchant/orders/${e.orderId}`} className="text-brand-700 underline">
                  {e.orderNumber}
                </Link>
              ),
            },
            { key: "when", header: t("when"), className: "whitespace-nowrap", cell: (e) => formatDateTime(e.at, locale) },
            { key: "instalment", header: t("instalment"), cell: (e) => t("instalmentN", { seq: e.instalmentSeq }) },
            { key: "customer", header: t("customer"), cell: (e) => e.customer },
            {
              key: "amount",
              header: t("amount"),
              align: "right",
              cell: (e) => (
                <>
                  {formatFen(e.principalFen + e.feeFen)}
                  {e.feeFen > 0 ? <span className="block text-xs text-slate-500">{t("inclFee", { fee: formatFen(e.feeFen) })}</span> : null}
                </>
              ),
            },
          ]}
        />
        <nav aria-label={t("pages")} className="mt-3 flex gap-3 text-sm">
          {p.after ? (
            <Link href={dayLink(p.day ?? null)} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("newest")}
            </Link>
          ) : null}
          {entries.nextCursor ? (
            <Link href={dayLink(p.day ?? null, entries.nextCursor)} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("older")}
            </Link>
          ) : null}
        </nav>
      </Section>

      <Section id="expected" title={t("expected")}>
        <DataTable
          caption={t("expectedCaption")}
          minWidth="24rem"
          rows={expected}
          rowKey={(d) => d.dueDate}
          empty={{ title: t("expectedEmpty") }}
          columns={[
            { key: "due", header: t("dueDate"), rowHeader: true, className: "whitespace-nowrap", cell: (d) => formatDate(d.dueDate, locale) },
            { key: "amount", header: t("amountDue"), align: "right", cell: (d) => formatFen(d.owedFen) },
            { key: "count", header: t("instalments"), align: "right", cell: (d) => d.instalments },
          ]}
        />
      </Section>
    </div>
  );
}
