"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { formatDate } from "@/lib/format";
import type { ScorePoint } from "@/server/domain/score-history";

export type ScoreHistoryLabels = { chartLabel: string; tableCaption: string; showTable: string; showChart: string; date: string; score: string };

// The chart is hidden from assistive technology (the table says the same), so its placeholder is only a shape.
const Chart = dynamic(() => import("./score-chart"), {
  ssr: false,
  loading: () => <div className="h-[240px] animate-pulse rounded-lg bg-slate-100" />,
});

/** The score as a chart for the eye and as a table (for screen readers always, for anyone on request). */
export function ScoreHistory({ points, labels, locale }: { points: ScorePoint[]; labels: ScoreHistoryLabels; locale: string }) {
  const [showTable, setShowTable] = useState(false);
  return (
    <div>
      <figure aria-label={labels.chartLabel} className={showTable ? "hidden" : ""}>
        <div aria-hidden>
          <Chart points={points} label={labels.score} />
        </div>
      </figure>
      <button
        type="button"
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
        className="mt-2 min-h-11 text-sm text-brand-700 underline"
      >
        {showTable ? labels.showChart : labels.showTable}
      </button>
      <div className={showTable ? "" : "sr-only"}>
        <div className="relative mt-2 max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={labels.tableCaption}>
          <table className="w-full min-w-[16rem] text-sm">
            <caption className="sr-only">{labels.tableCaption}</caption>
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="py-1">
                  {labels.date}
                </th>
                <th scope="col" className="py-1 text-right">
                  {labels.score}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date} className="border-t border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {formatDate(p.date, locale)}
                  </th>
                  <td className="py-1 text-right tabular-nums">{p.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
