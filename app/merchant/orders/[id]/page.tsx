import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { EVENT_LABEL, INSTALMENT_STATUS_LABEL, ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL } from "@/components/merchant/labels";
import { OrderActions } from "@/components/merchant/order-actions";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

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
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/merchant/orders" className="text-brand-700 underline">← All orders</Link></p>
      <PageHeader
        title={`Order ${order.number}`}
        description={`${ORDER_STATUS_LABEL[order.status]} · ${PAYMENT_METHOD_LABEL[order.paymentMethod]} · placed ${formatDateTime(order.createdAt)}`}
      />
      <OrderActions
        order={{ id: order.id, number: order.number, status: order.status, refundableFen: order.refundableFen, paymentMethod: order.paymentMethod }}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Items">
          <table className="w-full text-sm">
            <caption className="sr-only">Items in this order</caption>
            <thead className="text-left text-slate-500">
              <tr><th scope="col" className="py-1">Product</th><th scope="col" className="py-1 text-right">Qty</th><th scope="col" className="py-1 text-right">Amount</th></tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id} className="border-t border-slate-100">
                  <td className="py-2">{l.productName}<span className="block text-xs text-slate-500">{formatFen(l.unitPriceFen)} each</span></td>
                  <td className="py-2 text-right tabular-nums">{l.quantity}</td>
                  <td className="py-2 text-right tabular-nums">{formatFen(l.totalFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-200 font-semibold"><th scope="row" colSpan={2} className="py-2 text-left">Total</th><td className="py-2 text-right tabular-nums">{formatFen(order.totalFen)}</td></tr>
              {order.refundedFen > 0 ? (
                <tr><th scope="row" colSpan={2} className="py-1 text-left font-normal text-slate-600">Refunded</th><td className="py-1 text-right tabular-nums">{formatFen(order.refundedFen)}</td></tr>
              ) : null}
            </tfoot>
          </table>
        </Card>
        <Card title="Customer">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Name</dt><dd>{order.customer.name}</dd>
            <dt className="text-slate-500">Email</dt><dd>{order.customer.email}</dd>
          </dl>
        </Card>
      </div>

      {order.bill ? (
        <Card title="Bill and instalments">
          <p className="mb-3 text-sm text-slate-600">
            {order.bill.planCode === "pay_in_3" ? "Pay in 3" : "Pay in 30 days"} · bill {order.bill.status} · {formatFen(order.bill.totalFen)} at checkout
          </p>
          <div tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full min-w-[32rem] text-sm">
              <caption className="sr-only">Instalments</caption>
              <thead className="text-left text-slate-500">
                <tr>
                  <th scope="col" className="py-1">#</th><th scope="col" className="py-1">Due</th><th scope="col" className="py-1">Status</th>
                  <th scope="col" className="py-1 text-right">Amount</th><th scope="col" className="py-1 text-right">Paid</th>
                  <th scope="col" className="py-1 text-right">Late fee</th><th scope="col" className="py-1 text-right">Owed</th>
                </tr>
              </thead>
              <tbody>
                {order.bill.instalments.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100">
                    <td className="py-2">{i.seq}</td>
                    <td className="py-2 whitespace-nowrap">{formatDate(i.dueDate)}</td>
                    <td className={`py-2 ${i.status === "overdue" ? "font-medium text-red-700" : ""}`}>
                      {INSTALMENT_STATUS_LABEL[i.status]}{i.daysOverdue > 0 ? ` · ${i.daysOverdue} days` : ""}
                    </td>
                    <td className="py-2 text-right tabular-nums">{formatFen(i.amountFen)}</td>
                    <td className="py-2 text-right tabular-nums">{formatFen(i.paidPrincipalFen + i.paidFeeFen)}</td>
                    <td className="py-2 text-right tabular-nums">{formatFen(i.lateFeeFen)}</td>
                    <td className="py-2 text-right tabular-nums">{formatFen(i.owedFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      <Card title="History">
        <ol className="space-y-2 text-sm">
          {order.history.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-3">
              <span className="w-40 shrink-0 text-slate-500">{formatDateTime(e.createdAt)}</span>
              <span className="font-medium">{EVENT_LABEL[e.type]}</span>
              {e.amountFen ? <span className="tabular-nums">{formatFen(e.amountFen)}</span> : null}
              {e.note ? <span className="text-slate-600">“{e.note}”</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
