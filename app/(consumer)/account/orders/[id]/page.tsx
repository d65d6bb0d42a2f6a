import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { StatusNotice } from "@/components/ui/notice";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { INSTALMENT_STATUS_LABEL, INSTALMENT_STATUS_TONE, ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL, PLAN_LABEL } from "@/lib/order-labels";
import { serverApi } from "@/server/api/server-caller";
import { CancelOrderButton } from "./cancel-order-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string; cancelled?: string }> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, { placed, cancelled }] = await Promise.all([params, searchParams]);
  if (!/^\d{1,12}$/.test(id)) notFound();
  const api = await serverApi();
  const order = await api.shop.order({ orderId: Number(id) }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      {placed && !cancelled ? <StatusNotice>Order {order.number} placed</StatusNotice> : null}
      {cancelled && order.status === "cancelled" ? <StatusNotice>Order {order.number} cancelled</StatusNotice> : null}
      <PageHeader
        title={`Order ${order.number}`}
        description={
          <>
            From <Link href={`/stores/${order.store.slug}`} className="text-brand-700 underline">{order.store.name}</Link>, placed {formatDateTime(order.createdAt)}.
          </>
        }
        actions={order.status === "placed" ? <CancelOrderButton orderId={order.id} number={order.number} payLater={order.paymentMethod === "pay_later"} /> : null}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Status" value={ORDER_STATUS_LABEL[order.status]} />
        <Stat label="Payment" value={PAYMENT_METHOD_LABEL[order.paymentMethod]} hint={order.planCode ? PLAN_LABEL[order.planCode] ?? order.planCode : undefined} />
        <Stat label="Total" value={formatFen(order.totalFen)} hint={order.refundedFen > 0 ? `${formatFen(order.refundedFen)} refunded` : undefined} />
      </div>

      <Card title="Items">
        <ul className="divide-y divide-slate-200 text-sm">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-4 py-2">
              <span>{line.productName} × {line.quantity} <span className="text-slate-500">at {formatFen(line.unitPriceFen)}</span></span>
              <span className="tabular-nums">{formatFen(line.lineTotalFen)}</span>
            </li>
          ))}
        </ul>
      </Card>

      {order.bill ? (
        <Card title="Instalment schedule">
          <div tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Instalment schedule</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Instalment</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Due date</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Amount</th>
                  <th scope="col" className="py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {order.bill.instalments.map((inst) => (
                  <tr key={inst.id}>
                    <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">{inst.seq} of {order.bill!.instalments.length}</th>
                    <td className="py-2 pr-3">{formatDate(inst.dueDate)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatFen(inst.amountFen)}
                      {inst.lateFeeFen > 0 ? <span className="block text-xs text-red-700">+ {formatFen(inst.lateFeeFen)} late fee</span> : null}
                    </td>
                    <td className="py-2">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${INSTALMENT_STATUS_TONE[inst.status]}`}>{INSTALMENT_STATUS_LABEL[inst.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-sm"><Link href="/account/bills" className="text-brand-700 underline">Repay on your bills page</Link></p>
        </Card>
      ) : null}

      <Card title="Shipping to">
        <p className="text-sm">{order.shipping.name} · {order.shipping.phone}</p>
        <p className="text-sm text-slate-600">{order.shipping.address}</p>
      </Card>
      <Link href="/account/orders" className="inline-block text-sm text-brand-700 underline">All orders</Link>
    </div>
  );
}
