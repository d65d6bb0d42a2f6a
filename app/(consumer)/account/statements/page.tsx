import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/card";
import { formatFen, formatMonth } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("statementsPage"))("title") };
}

export default async function StatementsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const [t, locale, { before }] = await Promise.all([getTranslations("statementsPage"), getLocale(), searchParams]);
  const cursor = before && /^\d{4}-\d{2}$/.test(before) ? before : null;
  const { statements, nextCursor } = await (await serverApi()).statements.list({ before: cursor });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <DataTable
        caption={t("caption")}
        minWidth="36rem"
        rows={statements}
        rowKey={(s) => s.month}
        empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
        columns={[
          {
            key: "month",
            header: t("month"),
            rowHeader: true,
            cell: (s) => (
              <Link href={`/account/statements/${s.month}`} className="text-brand-700 underline">
                {formatMonth(s.month, locale)}
                {s.current ? <span className="ml-2 text-xs text-slate-500">({t("current")})</span> : null}
              </Link>
            ),
          },
          { key: "opening", header: t("opening"), align: "right", className: "tabular-nums", cell: (s) => formatFen(s.openingFen) },
          { key: "closing", header: t("closing"), align: "right", className: "tabular-nums font-medium", cell: (s) => formatFen(s.closingFen) },
          { key: "dueNext", header: t("dueNext"), align: "right", className: "tabular-nums", cell: (s) => formatFen(s.dueNextMonthFen) },
          { key: "activity", header: t("activity"), align: "right", className: "tabular-nums", cell: (s) => s.entryCount },
        ]}
      />
      <nav aria-label={t("pages")} className="flex gap-3 text-sm">
        {cursor ? (
          <Link href="/account/statements" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={`/account/statements?before=${nextCursor}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
