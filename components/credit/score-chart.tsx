"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ScorePoint } from "@/server/domain/score-history";

const shortDate = (date: string) => {
  const [, m, d] = date.split("-");
  return `${Number(m)}/${Number(d)}`;
};

/** The score line itself; loaded lazily, since recharts is large and only the credit page (and receivables) need it. */
export default function ScoreChart({ points, label }: { points: ScorePoint[]; label: string }) {
  const data = points.map((p) => ({ date: shortDate(p.date), score: p.score }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="date" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} domain={["dataMin - 20", "dataMax + 20"]} width={44} allowDecimals={false} />
        <Tooltip />
        <Line dataKey="score" name={label} stroke="#1f5fd1" strokeWidth={2} type="stepAfter" dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
