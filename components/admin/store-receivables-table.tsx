import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/card";
import { formatFen, formatPercent } from "@/lib/format";
import type { StoreReceivablesRow } from "@/server/services/admin/store-receivables";

export function payLaterState(store: Pick<StoreReceivablesRow, "payLaterEnabled" | "payLaterForcedOff">): string {
  if (store.payLaterForcedOff) return "Forced off";
  return store.payLaterEnabled ? "On" : "Off";
}

/** Receivables per store; the merchants page adds its action buttons as the last column. */
export function StoreReceivablesTable({ stores, caption, actions }: { stores: StoreReceivablesRow[]; caption: string; actions?: (store: StoreReceivablesRow) => ReactNode }) {
  if (stores.length === 0) return <EmptyState title="No stores yet." />;
  return (
    <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Store</th>
            <th scope="col" className="px-4 py-2">Pay later</th>
            <th scope="col" className="px-4 py-2 text-right">Pay-later volume</th>
            <th scope="col" className="px-4 py-2 text-right">Outstanding</th>
            <th scope="col" className="px-4 py-2 text-right">Due in 7 days</th>
            <th scope="col" className="px-4 py-2 text-right">Overdue</th>
            <th scope="col" className="px-4 py-2 text-right">Overdue rate</th>
            {actions ? <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {stores.map((s) => (
            <tr key={s.storeId} className="align-top">
              <th scope="row" className="px-4 py-2 font-medium">
                {s.name}
                <span className="block text-xs font-normal text-slate-500">
                  {s.ownerEmail}
                  {s.active ? "" : " · inactive"}
                </span>
              </th>
              <td className={`px-4 py-2 ${s.payLaterForcedOff ? "font-medium text-red-700" : ""}`}>{payLaterState(s)}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {formatFen(s.payLaterVolumeFen)}
                <span className="block text-xs text-slate-500">{s.payLaterOrders} orders</span>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{formatFen(s.outstandingFen)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatFen(s.dueIn7DaysFen)}</td>
              <td className={`px-4 py-2 text-right tabular-nums ${s.overdueFen > 0 ? "text-red-700" : ""}`}>
                {formatFen(s.overdueFen)}
                <span className="block text-xs text-slate-500">{s.overdueBills} bills</span>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{formatPercent(s.overdueRate)}</td>
              {actions ? <td className="px-4 py-2">{actions(s)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
