import { formatDate, formatFen } from "@/lib/format";
import type { BillView } from "@/server/services/bills/list-bills";
import type { InstalmentView } from "@/server/domain/bills";
import { RepayPanel } from "./repay-panel";

const STATUS_STYLE: Record<InstalmentView["status"], string> = {
  upcoming: "bg-slate-100 text-slate-700",
  due_soon: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-800",
  paid: "bg-emerald-100 text-emerald-800",
  void: "bg-slate-100 text-slate-600",
};

function statusText(inst: InstalmentView): string {
  switch (inst.status) {
    case "upcoming":
      return "Upcoming";
    case "due_soon":
      return "Due soon";
    case "overdue":
      return `Overdue ${inst.daysOverdue} ${inst.daysOverdue === 1 ? "day" : "days"}`;
    case "paid":
      return "Paid";
    case "void":
      return "Cancelled";
  }
}

export function BillCard({ bill }: { bill: BillView }) {
  const headingId = `bill-${bill.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-800">
          Order {bill.orderNumber} · {bill.storeName}
        </h3>
        <p className="text-sm text-slate-600">
          {bill.planLabel} · {formatFen(bill.totalFen)} · since {formatDate(bill.createdAt)}
        </p>
      </div>
      <div tabIndex={0} className="relative mt-3 overflow-x-auto">
        <table className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">Instalments of order {bill.orderNumber}</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">#</th>
              <th scope="col" className="py-2 pr-3 font-medium">Due</th>
              <th scope="col" className="py-2 pr-3 font-medium">Status</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Amount</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Late fee</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Paid</th>
              <th scope="col" className="py-2 text-right font-medium">Owed</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {bill.instalments.map((inst) => (
              <tr key={inst.id} className="border-t border-slate-100">
                <td className="py-2 pr-3">{inst.seq}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{formatDate(inst.dueDate)}</td>
                <td className="py-2 pr-3">
                  <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[inst.status]}`}>{statusText(inst)}</span>
                </td>
                <td className="py-2 pr-3 text-right">{formatFen(inst.amountFen)}</td>
                <td className="py-2 pr-3 text-right">{inst.lateFeeFen > 0 ? formatFen(inst.lateFeeFen) : "—"}</td>
                <td className="py-2 pr-3 text-right">{formatFen(inst.paidPrincipalFen + inst.paidFeeFen)}</td>
                <td className="py-2 text-right">{formatFen(inst.owedFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {bill.status === "open" && bill.owedFen > 0 ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <RepayPanel
            billId={bill.id}
            orderNumber={bill.orderNumber}
            owedFen={bill.owedFen}
            nextInstalmentFen={bill.nextInstalmentFen}
          />
        </div>
      ) : bill.status === "paid" ? (
        <p className="mt-3 text-sm text-emerald-700">Paid in full.</p>
      ) : null}
    </article>
  );
}
