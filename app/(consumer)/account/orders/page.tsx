import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/states/list-skeleton";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate, formatFen } from "@/lib/format";
import { planLabel } from "@/lib/i18n/localise";
import { PLAN_LABEL } from "@/lib/order-labels";
import { serverApi } from "@/server/api/server-caller";
import { ORDERS_CURSOR } from "@/server/services/orders/list-orders";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("orders") };
}

const PAGE_SIZE = 20;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const [{ cursor: rawCursor }, t, tStates] = await Promise.all([searchParams, getTranslations("ordersPage"), getTranslations("states")]);
  const cursor = rawCursor && ORDERS_CURSOR.test(rawCursor) ? rawCursor : null;
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
          <Link href="/" className="text-brand-700 underline">{t("browse")}</Link>
        </EmptyState>
      ) : (
        <div tabIndex={0} role="region" aria-label={t("caption")} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">{t("order")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("store")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("date")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("status")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("payment")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("plan")}</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">{t("total")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.items.map((order) => (
                <tr key={order.id}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/account/orders/${order.id}`} className="text-brand-700 underline">{order.number}</Link>
                  </th>
                  <td className="px-4 py-3">{order.storeName}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(order.createdAt, locale)}</td>
                  <td className="px-4 py-3">{tStatus(order.status)}</td>
                  <td className="px-4 py-3">{tMethod(order.paymentMethod)}</td>
                  <td className="px-4 py-3">{order.planCode ? planLabel(tPlan, locale, order.planCode, PLAN_LABEL[order.planCode] ?? order.planCode) : "—"}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatFen(order.totalFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("pages")} className="flex justify-between text-sm">
        {cursor ? <Link href="/account/orders" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("newest")}</Link> : <span />}
        {page.nextCursor ? <Link href={`/account/orders?cursor=${page.nextCursor}`} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("older")}</Link> : null}
      </nav>
    </>
  );
}
