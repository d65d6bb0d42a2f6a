import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { InfoNotice } from "@/components/ui/notice";
import { OrderActions } from "@/components/merchant/order-actions";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { instalmentStandingText, orderStatusText } from "@/lib/i18n/localise";
import { serverApi } from "@/server/api/server-caller";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantOrder"))("metaTitle") };
}

async function loadOrder(id: string) {
  if (!/^\d{1,12}$/.test(id)) notFound();
  const api = await serverApi();
  try {
    return await api.merchant.orders.detail({ orderId: Number(id) });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function MerchantOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const order = await loadOrder((await params).id);
  const [t, tl, tOrder, tMethod, tPlan, tInstalment, locale] = await Promise.all([
    getTranslations("merchantOrder"),
    getTranslations("merchantLabels"),
    getTranslations("orderStatus"),
    getTranslations("paymentMethod"),
    getTranslations("plan"),
    getTranslations("instalmentStatus"),
    getLocale(),
  ]);
  const bill = order.bill;
  const status = orderStatusText(tOrder, order, formatFen);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/merchant/orders" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("title", { number: order.number })}
        description={
          <KeepDates>
            {t("summary", {
              status: status.partly ? `${status.status} · ${status.partly}` : status.status,
              method: tMethod(order.paymentMethod),
              placed: formatDateTime(order.createdAt, locale),
            })}
          </KeepDates>
        }
      />
      {order.status === "authorized" ? (
        <InfoNotice>
          {t("authorizedNotice", {
            amount: formatFen(order.totalFen),
            id: order.id,
            date: order.authorizedUntil ? formatDateTime(order.authorizedUntil, locale) : "",
          })}
        </InfoNotice>
      ) : null}
      <OrderActions
        order={{
          id: order.id,
          number: order.number,
          canShip: order.canShip,
          canComplete: order.canComplete,
          canCancel: order.canCancel,
          canRefund: order.canRefund,
          refundableFen: order.refundableFen,
          paymentMethod: order.paymentMethod,
        }}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("items")}>
          <div role="region" aria-label={t("itemsCaption")} tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full min-w-[18rem] text-sm">
              <caption className="sr-only">{t("itemsCaption")}</caption>
              <thead className="text-left text-slate-500">
                <tr>
                  <th scope="col" className="py-1">
                    {t("product")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("qty")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((l) => (
                  <tr key={l.id} className="border-t border-slate-100">
                    <td className="py-2">
                      {l.productName}
                      <span className="block text-xs text-slate-500">{t("each", { price: formatFen(l.unitPriceFen) })}</span>
                    </td>
                    <td className="py-2 text-right tabular-nums">{l.quantity}</td>
                    <td className="py-2 text-right tabular-nums">{formatFen(l.lineTotalFen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-slate-200 font-semibold">
                  <th scope="row" colSpan={2} className="py-2 text-left">
                    {t("total")}
                  </th>
                  <td className="py-2 text-right tabular-nums">{formatFen(order.totalFen)}</td>
                </tr>
                {order.refundedFen > 0 ? (
                  <tr>
                    <th scope="row" colSpan={2} className="py-1 text-left font-normal text-slate-600">
                      {t("refunded")}
                    </th>
                    <td className="py-1 text-right tabular-nums">{formatFen(order.refundedFen)}</td>
                  </tr>
                ) : null}
              </tfoot>
            </table>
          </div>
        </Card>
        <Card title={t("customer")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("name")}</dt>
            <dd>{order.customer.name}</dd>
            <dt className="text-slate-500">{t("email")}</dt>
            <dd className="break-all">{order.customer.email}</dd>
          </dl>
        </Card>
        <Card title={t("shipTo")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("recipient")}</dt>
            <dd>{order.shipping.name}</dd>
            <dt className="text-slate-500">{t("phone")}</dt>
            <dd>{order.shipping.phone}</dd>
            <dt className="text-slate-500">{t("address")}</dt>
            <dd className="break-words">{order.shipping.address}</dd>
            {order.shipping.carrier ? (
              <>
                <dt className="text-slate-500">{t("carrier")}</dt>
                <dd>{order.shipping.carrier}</dd>
              </>
            ) : null}
            {order.shipping.trackingNumber ? (
              <>
                <dt className="text-slate-500">{t("tracking")}</dt>
                <dd className="break-all">{order.shipping.trackingNumber}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {order.refunds.length > 0 ? (
          <Card title={t("refunds")}>
            <ul className="space-y-2 text-sm">
              {order.refunds.map((r) => (
                <li key={r.id} className="flex flex-wrap gap-x-3">
                  <span className="whitespace-nowrap text-slate-500">{formatDateTime(r.createdAt, locale)}</span>
                  <span className="font-medium tabular-nums">{formatFen(r.amountFen)}</span>
                  <span className="text-slate-600">“{r.reason}”</span>
                  {r.paidBackFen > 0 ? <span className="text-slate-600">{t("refundPaidBack", { amount: formatFen(r.paidBackFen) })}</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>

      {bill ? (
        <Card title={t("bill")}>
          <p className="mb-3 text-sm text-slate-600">
            {t("billSummary", {
              plan: tPlan.has(bill.planCode) ? tPlan(bill.planCode) : bill.planCode,
              status: tl(`bill_${bill.status}`),
              total: formatFen(bill.totalFen),
            })}
          </p>
          <DataTable
            caption={t("instalments")}
            framed={false}
            minWidth="32rem"
            rows={bill.instalments}
            rowKey={(i) => i.id}
            columns={[
              { key: "seq", header: "#", cell: (i) => i.seq },
              { key: "due", header: t("due"), className: "whitespace-nowrap", cell: (i) => formatDate(i.dueDate, locale) },
              {
                key: "status",
                header: t("status"),
                className: (i) =>
                  i.status === "overdue" ? "font-medium text-red-700" : i.status === "in_grace" ? "font-medium text-orange-800" : "",
                cell: (i) => <KeepDates>{instalmentStandingText(tInstalment, i, (day) => formatDate(day, locale))}</KeepDates>,
              },
              { key: "amount", header: t("amount"), align: "right", cell: (i) => formatFen(i.amountFen) },
              { key: "paid", header: t("paid"), align: "right", cell: (i) => formatFen(i.paidPrincipalFen + i.paidFeeFen) },
              { key: "fee", header: t("lateFee"), align: "right", cell: (i) => formatFen(i.lateFeeFen) },
              { key: "owed", header: t("owed"), align: "right", cell: (i) => formatFen(i.owedFen) },
            ]}
          />
        </Card>
      ) : null}

      <Card title={t("history")}>
        {order.history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noHistory")}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {order.history.map((e) => (
              <li key={e.id} className="flex flex-wrap gap-x-3">
                <span className="w-40 shrink-0 whitespace-nowrap text-slate-500">{formatDateTime(e.createdAt, locale)}</span>
                <span className="font-medium">{tl(`event_${e.type}`)}</span>
                {e.amountFen ? <span className="tabular-nums">{formatFen(e.amountFen)}</span> : null}
                {e.note ? <span className="text-slate-600">“{e.note}”</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
