import type { Metadata } from "next";
import Link from "next/link";
import { PayLaterBadge } from "@/components/admin/pay-later-badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Consumers" };

const PAGE_SIZE = 25;

export default async function ConsumersPage({ searchParams }: { searchParams: Promise<{ q?: string; after?: string }> }) {
  const { q = "", after } = await searchParams;
  const query = q.slice(0, 254);
  const cursor = after && /^\d{1,12}$/.test(after) ? Number(after) : null;
  const api = await serverApi();
  const page = await api.admin.consumers({ query, cursor, limit: PAGE_SIZE });
  const qs = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), ...extra })}`;
  return (
    <div className="space-y-6">
      <PageHeader title="Consumers" description="Find a consumer by email or name to see their credit profile." />
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">Search consumers</label>
          <input id="q" name="q" type="search" defaultValue={query} maxLength={254} placeholder="Email or name" className="min-h-11 rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm" />
        </div>
        <button type="submit" className={buttonClass("primary")}>Search</button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={query ? `No consumer matches “${query}”.` : "No consumers yet."}>{query ? "Try part of an email address or a name." : null}</EmptyState>
      ) : (
        <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Consumers</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Consumer</th>
                <th scope="col" className="px-4 py-2 text-right">Score</th>
                <th scope="col" className="px-4 py-2">Pay later</th>
                <th scope="col" className="px-4 py-2 text-right">Owed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((c) => (
                <tr key={c.id}>
                  <td className="px-4 py-2">
                    <Link href={`/admin/consumers/${c.id}`} className="font-medium text-brand-700 underline">{c.name}</Link>
                    <div className="text-xs text-slate-500">{c.email}</div>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{c.score}</td>
                  <td className="px-4 py-2"><PayLaterBadge status={c.payLaterStatus} suspendedReason={c.suspendedReason} /></td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatFen(c.usedCreditFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-3">
        {cursor ? <Link href={`/admin/consumers${qs({})}`} className={buttonClass("secondary")}>First page</Link> : null}
        {page.nextCursor ? <Link href={`/admin/consumers${qs({ after: String(page.nextCursor) })}`} className={buttonClass("secondary")}>Next page</Link> : null}
      </nav>
    </div>
  );
}
