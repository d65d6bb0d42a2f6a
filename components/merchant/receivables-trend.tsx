"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { formatDate, formatFen } from "@/lib/format";
import { useText } from "@/lib/i18n/text";
import type { WeekPoint } from "@/server/services/receivables/weekly-trend";

function ChartLoading() {
  const t = useText("merchantTrend");
  return <div className="flex h-[280px] items-center justify-center text-sm text-slate-500">{t("loading")}</div>;
}

const Chart = dynamic(() => import("./receivables-chart"), { ssr: false, loading: () => <ChartLoading /> });

/** The chart for the eye, and the same numbers as a table for screen readers (and on request). */
export function ReceivablesTrend({ weeks }: { weeks: WeekPoint[] }) {
  const t = useText("merchantTrend");
  const [showTable, setShowTable] = useState(false);
  const labels = { sales: t("sales"), collected: t("collections"), overdue: t("overdue"), locale: useText("staff")("locale") };
  if (weeks.every((w) => w.salesFen === 0 && w.collectedFen === 0 && w.overdueFen === 0))
    return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div>
      <div aria-hidden>
        <Chart weeks={weeks} labels={labels} />
      </div>
      <button
        type="button"
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
        className="mt-2 min-h-11 text-sm text-brand-700 underline"
      >
        {t("showTable")}
      </button>
      <div className={showTable ? "" : "sr-only"}>
        <TrendTable weeks={weeks} locale={labels.locale} />
      </div>
    </div>
  );
}

function TrendTable({ weeks, locale }: { weeks: WeekPoint[]; locale: string }) {
  const t = useText("merchantTrend");
  return (
    <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="w-full min-w-[28rem] text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="py-1">
              {t("week")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("sales")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("collections")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("overdueAtEnd")}
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">
                <span className="whitespace-nowrap">{formatDate(w.weekStart, locale)}</span> –{" "}
                <span className="whitespace-nowrap">{formatDate(w.weekEnd, locale)}</span>
              </th>
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
