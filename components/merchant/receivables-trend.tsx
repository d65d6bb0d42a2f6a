"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { formatDate, formatFen } from "@/lib/format";
import type { WeekPoint } from "@/server/services/receivables/weekly-trend";

const Chart = dynamic(() => import("./receivables-chart"), {
  ssr: false,
  loading: () => <div className="flex h-[280px] items-center justify-center text-sm text-slate-500">Loading chart…</div>,
});

/** The chart for the eye, and the same numbers as a table for screen readers (and on request). */
export function ReceivablesTrend({ weeks }: { weeks: WeekPoint[] }) {
  const [showTable, setShowTable] = useState(false);
  return (
    <div>
      <div aria-hidden>
        <Chart weeks={weeks} />
      </div>
      <button type="button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)} className="mt-2 min-h-11 text-sm text-brand-700 underline">
        Show the numbers as a table
      </button>
      <div className={showTable ? "" : "sr-only"}>
        <TrendTable weeks={weeks} />
      </div>
    </div>
  );
}

function TrendTable({ weeks }: { weeks: WeekPoint[] }) {
  return (
    <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Weekly figures">
      <table className="w-full min-w-[28rem] text-sm">
        <caption className="sr-only">Pay-later sales, collections and overdue amount by week</caption>
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="py-1">Week</th>
            <th scope="col" className="py-1 text-right">Pay-later sales</th>
            <th scope="col" className="py-1 text-right">Collections</th>
            <th scope="col" className="py-1 text-right">Overdue at week end</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">{formatDate(w.weekStart)} – {formatDate(w.weekEnd)}</th>
              <td className="py-1 text-right tabular-nums">{formatFen(w.salesFen)}</td>
              <td className="py-1 text-right tabular-nums">{formatFen(w.collectedFen)}</td>
              <td className="py-1 text-right tabular-nums">{formatFen(w.overdueFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
