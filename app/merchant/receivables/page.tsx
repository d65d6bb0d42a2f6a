import Link from "next/link";
import { z } from "zod";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ReceivablesFigures } from "@/components/receivables-figures";
import { ReceivablesTrend } from "@/components/merchant/receivables-trend";
import { formatFen } from "@/lib/format";
import { AGING_BUCKETS } from "@/server/domain/instalments";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";
export const metadata = { title: "Receivables" };

const params = z.object({
  sort: z.enum(["days", "amount"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  after: z.string().max(60).optional().catch(undefined),
});

export default async function MerchantReceivablesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = params.parse(await searchParams);
  const sort = p.sort ?? "days";
  const dir = p.dir ?? "desc";
  const api = await serverApi();
  const [summary, trend, overdue] = await Promise.all([
    api.merchant.receivables.summary(),
    api.merchant.receivables.trend(),
    api.merchant.receivables.overdue({ sort, dir, cursor: p.after, limit: 20 }),
  ]);
  const overdueTotal = summary.overdueFen;
  const link = (change: { sort?: string; dir?: string; after?: string }) => {
    const q = new URLSearchParams(Object.entries({ sort, dir, ...change }).filter((e): e is [string, string] => !!e[1]));
    return `/merchant/receivables?${q.toString()}#overdue-heading`;
  };
  const sortHeader = (key: "days" | "amount", label: string) => {
    const active = sort === key;
    return (
      <th scope="col" className="px-4 py-3 text-right" aria-sort={active ? (dir === "desc" ? "descending" : "ascending") : undefined}>
        <Link href={link({ sort: key, dir: active && dir === "desc" ? "asc" : "desc" })} className="underline-offset-2 hover:underline">
          {label}
          {active ? <span aria-hidden> {dir === "desc" ? "↓" : "↑"}</span> : null}
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title="Receivables"
        description="What your pay-later customers owe you, what is overdue and how old it is."
        actions={
          <a href="/merchant/receivables/export" download className={buttonClass("secondary")}>
            Export CSV
          </a>
        }
      />
      <ReceivablesFigures summary={summary} />

      <section aria-labelledby="aging-heading">
        <h2 id="aging-heading" className="mb-3 text-lg font-semibold">Aging of overdue amounts</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {AGING_BUCKETS.map((bucket) => {
            const amount = summary.aging[bucket.key];
            const share = overdueTotal > 0 ? Math.round((amount / overdueTotal) * 100) : 0;
            return (
              <div key={bucket.key} role="group" aria-labelledby={`aging-${bucket.key}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <h3 id={`aging-${bucket.key}`} className="text-sm font-medium text-slate-500">{bucket.label}</h3>
                <p className={`mt-1 text-2xl font-semibold tabular-nums ${amount > 0 ? "text-red-700" : "text-slate-900"}`}>{formatFen(amount)}</p>
                <div className="mt-2 h-2 rounded bg-slate-100" aria-hidden>
                  <div className="h-2 rounded bg-red-500" style={{ width: `${share}%` }} />
                </div>
                <p className="mt-1 text-xs text-slate-500">{share}% of overdue</p>
              </div>
            );
          })}
        </div>
      </section>

      <Card title="Last 12 weeks">
        <ReceivablesTrend weeks={trend} />
      </Card>

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading" className="mb-3 text-lg font-semibold">Overdue instalments</h2>
        {overdue.items.length === 0 ? (
          <EmptyState title={p.after ? "No more overdue instalments." : "Nothing is overdue."}>Every pay-later customer is up to date.</EmptyState>
        ) : (
          <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Overdue instalments</caption>
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">Customer</th>
                  <th scope="col" className="px-4 py-3">Order</th>
                  {sortHeader("amount", "Amount overdue")}
                  {sortHeader("days", "Days overdue")}
                  <th scope="col" className="px-4 py-3 text-right">Late fee</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {overdue.items.map((row) => (
                  <tr key={row.instalmentId}>
                    <td className="px-4 py-3">{row.customer.name}<span className="block text-xs text-slate-500">{row.customer.email}</span></td>
                    <td className="px-4 py-3 whitespace-nowrap"><Link href={`/merchant/orders/${row.orderId}`} className="text-brand-700 underline">{row.orderNumber}</Link></td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatFen(row.amountOverdueFen)}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{row.daysOverdue}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatFen(row.lateFeeFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Overdue pages" className="mt-3 flex gap-4 text-sm">
          {p.after ? <Link href={link({})} className="text-brand-700 underline">First page</Link> : null}
          {overdue.nextCursor ? <Link href={link({ after: overdue.nextCursor })} className="text-brand-700 underline">Next page</Link> : null}
        </nav>
      </section>
    </div>
  );
}
