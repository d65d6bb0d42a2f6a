import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate, formatFen } from "@/lib/format";
import { ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL, PLAN_LABEL } from "@/lib/order-labels";
import { serverApi } from "@/server/api/server-caller";
import { ORDERS_CURSOR } from "@/server/services/orders/list-orders";

export const dynamic = "force-dynamic";
export const metadata = { title: "Orders" };

const PAGE_SIZE = 20;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor: rawCursor } = await searchParams;
  const cursor = rawCursor && ORDERS_CURSOR.test(rawCursor) ? rawCursor : null;
  const api = await serverApi();
  const page = await api.shop.orders({ cursor, limit: PAGE_SIZE });
  return (
    <div className="space-y-6">
      <PageHeader title="Your orders" description="Everything you have ordered, newest first." />
      {page.items.length === 0 ? (
        <EmptyState title={cursor ? "No older orders." : "You have not ordered anything yet."}>
          <Link href="/" className="text-brand-700 underline">Browse the stores</Link>
        </EmptyState>
      ) : (
        <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Your orders</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Order</th>
                <th scope="col" className="px-4 py-3 font-medium">Store</th>
                <th scope="col" className="px-4 py-3 font-medium">Date</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">Payment</th>
                <th scope="col" className="px-4 py-3 font-medium">Plan</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.items.map((order) => (
                <tr key={order.id}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/account/orders/${order.id}`} className="text-brand-700 underline">{order.number}</Link>
                  </th>
                  <td className="px-4 py-3">{order.storeName}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(order.createdAt)}</td>
                  <td className="px-4 py-3">{ORDER_STATUS_LABEL[order.status]}</td>
                  <td className="px-4 py-3">{PAYMENT_METHOD_LABEL[order.paymentMethod]}</td>
                  <td className="px-4 py-3">{order.planCode ? PLAN_LABEL[order.planCode] ?? order.planCode : "—"}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatFen(order.totalFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Order pages" className="flex justify-between text-sm">
        {cursor ? <Link href="/account/orders" className="text-brand-700 underline">Newest orders</Link> : <span />}
        {page.nextCursor ? <Link href={`/account/orders?cursor=${page.nextCursor}`} className="text-brand-700 underline">Older orders</Link> : null}
      </nav>
    </div>
  );
}
