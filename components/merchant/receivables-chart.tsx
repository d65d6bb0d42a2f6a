"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatFen } from "@/lib/format";
import type { WeekPoint } from "@/server/services/receivables/weekly-trend";

const shortDate = (date: string) => {
  const [, m, d] = date.split("-");
  return `${Number(m)}/${Number(d)}`;
};

/** The 12-week chart itself; loaded lazily, since recharts is large and only this page needs it. */
export type ChartLabels = { sales: string; collected: string; overdue: string; locale: string };

export default function ReceivablesChart({ weeks, labels }: { weeks: WeekPoint[]; labels: ChartLabels }) {
  const data = weeks.map((w) => ({
    week: shortDate(w.weekStart),
    sales: w.salesFen / 100,
    collected: w.collectedFen / 100,
    overdue: w.overdueFen / 100,
  }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `¥${v.toLocaleString(labels.locale)}`} width={72} />
        <Tooltip formatter={(value) => formatFen(Math.round(Number(value) * 100))} />
        <Legend />
        <Bar dataKey="sales" name={labels.sales} fill="#1f5fd1" isAnimationActive={false} />
        <Bar dataKey="collected" name={labels.collected} fill="#059669" isAnimationActive={false} />
        <Line dataKey="overdue" name={labels.overdue} stroke="#dc2626" strokeWidth={2} type="linear" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
