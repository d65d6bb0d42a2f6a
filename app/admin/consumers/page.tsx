import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PayLaterBadge } from "@/components/admin/pay-later-badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { decodeIdCursor, pageCursor } from "@/server/domain/cursor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminConsumers"))("title") };
}

const PAGE_SIZE = 25;

export default async function ConsumersPage({ searchParams }: { searchParams: Promise<{ q?: string; after?: string }> }) {
  const { q = "", after } = await searchParams;
  const query = q.slice(0, 254);
  const cursor = pageCursor(after, decodeIdCursor);
  const [api, t, tc] = await Promise.all([serverApi(), getTranslations("adminConsumers"), getTranslations("staff")]);
  const page = await api.admin.consumers({ query, cursor, limit: PAGE_SIZE });
  const qs = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), ...extra })}`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">
            {t("searchLabel")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={254}
            placeholder={t("searchPlaceholder")}
            className="min-h-11 rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("search")}
        </button>
      </form>
      <DataTable
        caption={t("caption")}
        minWidth="36rem"
        rows={page.items}
        rowKey={(c) => c.id}
        empty={
          query ? { title: t("noMatch", { query }), body: t("noMatchBody") } : { title: cursor ? t("emptyMore") : t("empty"), body: t("emptyBody") }
        }
        columns={[
          {
            key: "consumer",
            header: t("colConsumer"),
            rowHeader: true,
            cell: (c) => (
              <>
                <Link href={`/admin/consumers/${c.id}`} className="font-medium text-brand-700 underline">
                  {c.name}
                </Link>
                <span className="block text-xs font-normal text-slate-500">{c.email}</span>
              </>
            ),
          },
          { key: "score", header: t("colScore"), align: "right", cell: (c) => c.score },
          { key: "payLater", header: t("colPayLater"), cell: (c) => <PayLaterBadge status={c.payLaterStatus} suspendedReason={c.suspendedReason} /> },
          { key: "owed", header: t("colOwed"), align: "right", cell: (c) => formatFen(c.usedCreditFen) },
        ]}
      />
      <nav aria-label={tc("pages")} className="flex gap-3">
        {cursor ? (
          <Link href={`/admin/consumers${qs({})}`} className={buttonClass("secondary")}>
            {tc("firstPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/admin/consumers${qs({ after: page.nextCursor })}`} className={buttonClass("secondary")}>
            {tc("nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
