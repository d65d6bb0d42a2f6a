import { Stat } from "@/components/ui/card";
import { formatFen, formatPercent } from "@/lib/format";
import type { ReceivablesSummary } from "@/server/services/receivables/summary";

/** The receivables headline figures, shared by the merchant and admin areas. */
export function ReceivablesFigures({ summary }: { summary: ReceivablesSummary }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Stat label="Outstanding" value={formatFen(summary.outstandingFen)} hint={`${summary.outstandingBills} bills not yet overdue`} />
      <Stat label="Due in 7 days" value={formatFen(summary.dueIn7DaysFen)} />
      <Stat
        label="Overdue"
        value={formatFen(summary.overdueFen)}
        tone={summary.overdueFen > 0 ? "danger" : "default"}
        hint={`${summary.overdueBills} bills · ${summary.overdueCustomers} customers`}
      />
      <Stat label="Collected" value={formatFen(summary.collected30dFen)} hint="Last 30 days" />
      <Stat label="On-time rate" value={formatPercent(summary.onTimeRate)} />
      <Stat label="Overdue rate" value={formatPercent(summary.overdueRate)} />
    </div>
  );
}
