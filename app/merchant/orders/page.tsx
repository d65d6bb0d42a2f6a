import Link from "next/link";
import { z } from "zod";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL } from "@/components/merchant/labels";
import { ORDER_STATUSES, PAYMENT_METHODS } from "@/db/schema";
import { formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";
export const metadata = { title: "Orders" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Unknown or malformed parameters are dropped rather than failing the page.
const params = z.object({
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  method: z.enum(PAYMENT_METHODS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  sort: z.enum(["date", "total"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  after: z.string().max(60).optional().catch(undefined),
});

type Params = z.infer<typeof params>;

function href(p: Params, change: Partial<Params>): string {
  const next = { ...p, after: undefined, ...change };
  const query = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => !!e[1]));
  const text = query.toString();
  return text ? `/merchant/orders?${text}` : "/merchant/orders";
}

export default async function MerchantOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = params.parse(await searchParams);
  const sort = p.sort ?? "date";
  const dir = p.dir ?? "desc";
  const api = await serverApi();
  const page = await api.merchant.orders.list({
    status: p.status,
    paymentMethod: p.method,
    from: p.from,
    to: p.to,
    overdueOnly: p.overdue === "1",
    q: p.q || undefined,
    sort,
    dir,
    cursor: p.after,
    limit: 20,
  });
  const sortLink = (key: "date" | "total", label: string) => {
    const active = sort === key;
    const nextDir = active && dir === "desc" ? "asc" : "desc";
    return (
      <Link href={href(p, { sort: key, dir: nextDir })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {label}
        {active ? <span aria-hidden>{dir === "desc" ? "↓" : "↑"}</span> : null}
        {active ? <span className="sr-only">, sorted {dir === "desc" ? "descending" : "ascending"}</span> : null}
      </Link>
    );
  };
  const ariaSort = (key: "date" | "total") => (sort === key ? (dir === "desc" ? "descending" : "ascending") : undefined);

  return (
    <div className="space-y-6">
      <PageHeader title="Orders" description="Find an order, ship it, or refund it." />
      <form method="get" role="search" aria-label="Filter orders" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 sm:col-span-2">
          Search
          <input name="q" type="search" defaultValue={p.q} placeholder="Order number, customer name or email" className="min-h-11 rounded-lg border border-slate-300 px-3 text-base font-normal" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Status
          <select name="status" defaultValue={p.status ?? ""} className="min-h-11 rounded-lg border border-slate-300 px-3 text-base font-normal">
            <option value="">Any status</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{ORDER_STATUS_LABEL[s]}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Payment method
          <select name="method" defaultValue={p.method ?? ""} className="min-h-11 rounded-lg border border-slate-300 px-3 text-base font-normal">
            <option value="">Any method</option>
            {PAYMENT_METHODS.map((m) => <option key={m} value={m}>{PAYMENT_METHOD_LABEL[m]}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          From
          <input name="from" type="date" defaultValue={p.from} className="min-h-11 rounded-lg border border-slate-300 px-3 text-base font-normal" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          To
          <input name="to" type="date" defaultValue={p.to} className="min-h-11 rounded-lg border border-slate-300 px-3 text-base font-normal" />
        </label>
        <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium text-slate-700">
          <input name="overdue" type="checkbox" value="1" defaultChecked={p.overdue === "1"} className="h-5 w-5" />
          Overdue only
        </label>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>Apply filters</button>
          <Link href="/merchant/orders" className={buttonClass("ghost")}>Clear</Link>
        </div>
      </form>

      {page.items.length === 0 ? (
        <EmptyState title="No orders match.">Try other filters, or clear them to see every order.</EmptyState>
      ) : (
        <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Orders</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">Order</th>
                <th scope="col" className="px-4 py-3" aria-sort={ariaSort("date")}>{sortLink("date", "Date")}</th>
                <th scope="col" className="px-4 py-3">Customer</th>
                <th scope="col" className="px-4 py-3">Payment</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3 text-right" aria-sort={ariaSort("total")}>{sortLink("total", "Total")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="px-4 py-3 font-medium whitespace-nowrap">
                    <Link href={`/merchant/orders/${o.id}`} className="text-brand-700 underline">{o.number}</Link>
                  </th>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(o.createdAt)}</td>
                  <td className="px-4 py-3">{o.customer.name}<span className="block text-xs text-slate-500">{o.customer.email}</span></td>
                  <td className="px-4 py-3">{PAYMENT_METHOD_LABEL[o.paymentMethod]}</td>
                  <td className="px-4 py-3">
                    {ORDER_STATUS_LABEL[o.status]}
                    {o.overdue ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Overdue</span> : null}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatFen(o.totalFen)}
                    {o.refundedFen > 0 ? <span className="block text-xs text-slate-500">{formatFen(o.refundedFen)} refunded</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {p.after ? <Link href={href(p, {})} className="text-brand-700 underline">First page</Link> : null}
        {page.nextCursor ? <Link href={href(p, { after: page.nextCursor })} className="text-brand-700 underline">Next page</Link> : null}
      </nav>
    </div>
  );
}
