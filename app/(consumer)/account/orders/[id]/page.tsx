import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { InfoNotice, StatusNotice } from "@/components/ui/notice";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { instalmentStandingText, orderStatusText, planLabel } from "@/lib/i18n/localise";
import { INSTALMENT_STATUS_TONE, PLAN_LABEL } from "@/lib/order-labels";
import { serverApi } from "@/server/api/server-caller";
import { CancelOrderButton } from "./cancel-order-button";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string; cancelled?: string }> };

// One fetch per request for the title and the page.
const loadOrder = cache(async (id: string) => {
  if (!/^\d{1,12}$/.test(id)) notFound();
  const api = await serverApi();
  return api.shop.order({ orderId: Number(id) }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
});

export async function generateMetadata({ params }: Props) {
  const [{ id }, t] = await Promise.all([params, getTranslations("meta")]);
  return { title: t("order", { number: (await loadOrder(id)).number }) };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, { placed, cancelled }] = await Promise.all([params, searchParams]);
  const [order, locale, t, tStatus, tMethod, tPlan, tInstalment] = await Promise.all([
    loadOrder(id),
    getLocale(),
    getTranslations("orderPage"),
    getTranslations("orderStatus"),
    getTranslations("paymentMethod"),
    getTranslations("plan"),
    getTranslations("instalmentStatus"),
  ]);
  const status = orderStatusText(tStatus, order, formatFen);
  const plan = order.planCode ? planLabel(tPlan, locale, order.planCode, PLAN_LABEL[order.planCode] ?? order.planCode) : undefined;
  return (
    <div className="space-y-6">
      {placed && !cancelled ? <StatusNotice>{t("placed", { number: order.number })}</StatusNotice> : null}
      {cancelled && order.status === "cancelled" ? <StatusNotice>{t("cancelled", { number: order.number })}</StatusNotice> : null}
      <PageHeader
        title={t("title", { number: order.number })}
        description={t.rich("from", {
          name: order.store.name,
          date: formatDateTime(order.createdAt, locale),
          nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
          store: (chunks) => (
            <Link href={`/stores/${order.store.slug}`} className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
        actions={
          order.canCancel ? <CancelOrderButton orderId={order.id} number={order.number} payLater={order.paymentMethod === "pay_later"} /> : null
        }
      />
      {order.status === "authorized" ? (
        <InfoNotice>
          {t("awaitingCapture", {
            store: order.store.name,
            amount: formatFen(order.totalFen),
            date: order.authorizedUntil ? formatDateTime(order.authorizedUntil, locale) : "",
          })}
        </InfoNotice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("status")} value={status.status} hint={status.partly ?? undefined} />
        <Stat label={t("payment")} value={tMethod(order.paymentMethod)} hint={plan} />
        <Stat
          label={t("total")}
          value={formatFen(order.totalFen)}
          hint={order.refundedFen > 0 ? t("refunded", { amount: formatFen(order.refundedFen) }) : undefined}
        />
      </div>

      <Card title={t("items")}>
        <ul className="divide-y divide-slate-200 text-sm">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-4 py-2">
              <span>
                {line.productName} × {line.quantity} <span className="text-slate-500">{t("at", { price: formatFen(line.unitPriceFen) })}</span>
              </span>
              <span className="tabular-nums">{formatFen(line.lineTotalFen)}</span>
            </li>
          ))}
        </ul>
      </Card>

      {order.bill ? (
        <Card title={t("schedule")}>
          <DataTable
            caption={t("schedule")}
            framed={false}
            minWidth="20rem"
            rows={order.bill.instalments}
            rowKey={(inst) => inst.id}
            columns={[
              {
                key: "seq",
                header: t("instalment"),
                rowHeader: true,
                className: "font-normal whitespace-nowrap",
                cell: (inst) => t("seqOf", { seq: inst.seq, count: order.bill!.instalments.length }),
              },
              { key: "due", header: t("dueDate"), className: "whitespace-nowrap", cell: (inst) => formatDate(inst.dueDate, locale) },
              {
                key: "amount",
                header: t("amount"),
                align: "right",
                cell: (inst) => (
                  <>
                    {formatFen(inst.amountFen)}
                    {inst.lateFeeFen > 0 ? (
                      <span className="block text-xs text-red-700">{t("lateFee", { amount: formatFen(inst.lateFeeFen) })}</span>
                    ) : null}
                  </>
                ),
              },
              {
                key: "status",
                header: t("status"),
                cell: (inst) => (
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${INSTALMENT_STATUS_TONE[inst.status]}`}>
                    <KeepDates>{instalmentStandingText(tInstalment, inst, (day) => formatDate(day, locale))}</KeepDates>
                  </span>
                ),
              },
            ]}
          />
          <p className="mt-3 text-sm">
            <Link href="/account/bills" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("repayLink")}
            </Link>
          </p>
        </Card>
      ) : null}

      {order.refunds.length > 0 ? (
        <Card title={t("refunds")}>
          <ul className="space-y-1 text-sm">
            {order.refunds.map((r) => (
              <li key={r.id}>
                <KeepDates>{t("refundLine", { amount: formatFen(r.amountFen), date: formatDateTime(r.createdAt, locale) })}</KeepDates>
                {r.paidBackFen > 0 ? <span className="text-slate-600"> · {t("refundPaidBack", { amount: formatFen(r.paidBackFen) })}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {order.shipping.address ? (
        <Card title={t("shippingTo")}>
          <p className="text-sm">
            {order.shipping.name} · {order.shipping.phone}
          </p>
          <p className="text-sm text-slate-600">{order.shipping.address}</p>
          {order.shipping.carrier ? (
            <p className="mt-2 text-sm">
              {t("shipment", { carrier: order.shipping.carrier })}
              {order.shipping.trackingNumber ? (
                <span className="block break-all">{t("trackingNumber", { number: order.shipping.trackingNumber })}</span>
              ) : null}
            </p>
          ) : null}
        </Card>
      ) : null}
      <Link href="/account/orders" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
        {t("all")}
      </Link>
    </div>
  );
}
