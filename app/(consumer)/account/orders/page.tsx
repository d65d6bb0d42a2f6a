import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/states/list-skeleton";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatFen } from "@/lib/format";
import { orderStatusText, planLabel } from "@/lib/i18n/localise";
import { PLAN_LABEL } from "@/lib/order-labels";
import { serverApi } from "@/server/api/server-caller";
import { decodeTimeCursor, pageCursor } from "@/server/domain/cursor";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("orders") };
}

const PAGE_SIZE = 20;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const [{ cursor: rawCursor }, t, tStates] = await Promise.all([searchParams, getTranslations("ordersPage"), getTranslations("states")]);
  const cursor = pageCursor(rawCursor, decodeTimeCursor);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense fallback={<ListSkeleton label={tStates("loading")} rows={6} />}>
        <OrdersTable cursor={cursor} />
      </Suspense>
    </div>
  );
}

async function OrdersTable({ cursor }: { cursor: string | null }) {
  const api = await serverApi();
  const [page, locale, t, tStatus, tMethod, tPlan] = await Promise.all([
    api.shop.orders({ cursor, limit: PAGE_SIZE }),
    getLocale(),
    getTranslations("ordersPage"),
    getTranslations("orderStatus"),
    getTranslations("paymentMethod"),
    getTranslations("plan"),
  ]);
  return (
    <>
      {page.items.length === 0 ? (
        <EmptyState title={cursor ? t("emptyOlder") : t("empty")}>
          <Link href="/" className="text-brand-700 underline">
            {t("browse")}
          </Link>
        </EmptyState>
      ) : (
        <DataTable
          caption={t("caption")}
          minWidth="44rem"
          rows={page.items}
          rowKey={(order) => order.id}
          columns={[
            {
              key: "order",
              header: t("order"),
              rowHeader: true,
              cell: (order) => (
                <Link href={`/account/orders/${order.id}`} className="text-brand-700 underline">
                  {order.number}
                </Link>
              ),
            },
            { key: "store", header: t("store"), cell: (order) => order.storeName },
            { key: "date", header: t("date"), className: "whitespace-nowrap", cell: (order) => formatDate(order.createdAt, locale) },
            {
              key: "status",
              header: t("status"),
              cell: (order) => {
                const status = orderStatusText(tStatus, order, formatFen);
                return (
                  <>
                    {status.status}
                    {status.partly ? <span className="block text-xs text-slate-500">{status.partly}</span> : null}
                  </>
                );
              },
            },
            { key: "payment", header: t("payment"), cell: (order) => tMethod(order.paymentMethod) },
            {
              key: "plan",
              header: t("plan"),
              cell: (order) => (order.planCode ? planLabel(tPlan, locale, order.planCode, PLAN_LABEL[order.planCode] ?? order.planCode) : "—"),
            },
            { key: "total", header: t("total"), align: "right", cell: (order) => formatFen(order.totalFen) },
          ]}
        />
      )}
      <nav aria-label={t("pages")} className="flex justify-between text-sm">
        {cursor ? (
          <Link href="/account/orders" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/account/orders?cursor=${page.nextCursor}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
