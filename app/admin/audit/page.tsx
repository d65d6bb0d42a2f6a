import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Search = { actor?: string; action?: string; entity?: string; from?: string; to?: string; before?: string };

/** A before/after value as compact text: "score: 520", or the JSON for anything nested. */
function Snapshot({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500">—</span>;
  if (typeof value !== "object") return <span>{String(value)}</span>;
  const entries = Object.entries(value as Record<string, unknown>);
  const simple = entries.every(([, v]) => v === null || typeof v !== "object");
  if (simple)
    return (
      <dl className="space-y-0.5">
        {entries.map(([k, v]) => (
          <div key={k} className="flex gap-1">
            <dt className="text-slate-500">{k}:</dt>
            <dd className="break-all">{v === null ? "—" : String(v)}</dd>
          </div>
        ))}
      </dl>
    );
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">{entries.filter(([, v]) => v === null || typeof v !== "object").map(([k, v]) => `${k}: ${v}`).join(", ") || "Details"}</summary>
      <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

function Select({ id, label, name, value, options }: { id: string; label: string; name: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm">
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const actorUserId = search.actor && /^\d{1,12}$/.test(search.actor) ? Number(search.actor) : undefined;
  const action = search.action?.slice(0, 100) || undefined;
  const entityType = search.entity?.slice(0, 100) || undefined;
  const from = search.from && DATE.test(search.from) ? search.from : undefined;
  const to = search.to && DATE.test(search.to) ? search.to : undefined;
  const cursor = search.before && /^\d{1,12}$/.test(search.before) ? Number(search.before) : null;

  const api = await serverApi();
  const [options, page] = await Promise.all([
    api.admin.auditFilters(),
    api.admin.audit({ actorUserId, action, entityType, from, to, cursor, limit: PAGE_SIZE }),
  ]);
  const filters = Object.fromEntries(
    Object.entries({ actor: actorUserId ? String(actorUserId) : "", action: action ?? "", entity: entityType ?? "", from: from ?? "", to: to ?? "" }).filter(([, v]) => v),
  );
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every admin action and merchant settings change, as it happened. Entries can never be edited or deleted." />
      <form method="get" aria-label="Filter the audit log" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <Select id="actor" name="actor" label="Actor" value={actorUserId ? String(actorUserId) : ""} options={options.actors.map((a) => ({ value: String(a.id), label: `${a.name} (${a.email})` }))} />
        <Select id="action" name="action" label="Action" value={action ?? ""} options={options.actions.map((a) => ({ value: a, label: a }))} />
        <Select id="entity" name="entity" label="Entity type" value={entityType ?? ""} options={options.entityTypes.map((e) => ({ value: e, label: e }))} />
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium text-slate-700">From</label>
          <input id="from" name="from" type="date" defaultValue={from} className="min-h-11 rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium text-slate-700">To</label>
          <input id="to" name="to" type="date" defaultValue={to} className="min-h-11 rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary", "flex-1")}>Filter</button>
          {filtered ? <Link href="/admin/audit" className={buttonClass("secondary")}>Clear</Link> : null}
        </div>
      </form>

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No entries match these filters." : "Nothing has been recorded yet."}>
          {filtered ? "Widen the date range or clear a filter." : "Admin actions and merchant settings changes appear here."}
        </EmptyState>
      ) : (
        <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="sr-only">Audit log entries, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">When</th>
                <th scope="col" className="px-4 py-2">Who</th>
                <th scope="col" className="px-4 py-2">Action</th>
                <th scope="col" className="px-4 py-2">Entity</th>
                <th scope="col" className="px-4 py-2">Before</th>
                <th scope="col" className="px-4 py-2">After</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {page.items.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                  <td className="px-4 py-2">
                    {row.actorName}
                    <span className="block text-xs text-slate-500">{row.actorRole}</span>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{row.action}</td>
                  <td className="px-4 py-2">
                    {row.entityType === "consumer" ? <Link href={`/admin/consumers/${row.entityId}`} className="text-brand-700 underline">consumer #{row.entityId}</Link> : `${row.entityType} #${row.entityId}`}
                  </td>
                  <td className="px-4 py-2"><Snapshot value={row.before} /></td>
                  <td className="px-4 py-2"><Snapshot value={row.after} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-3">
        {cursor ? <Link href={`/admin/audit?${new URLSearchParams(filters)}`} className={buttonClass("secondary")}>Newest entries</Link> : null}
        {page.nextCursor ? <Link href={`/admin/audit?${new URLSearchParams({ ...filters, before: String(page.nextCursor) })}`} className={buttonClass("secondary")}>Older entries</Link> : null}
      </nav>
    </div>
  );
}
