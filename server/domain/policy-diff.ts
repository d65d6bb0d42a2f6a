// What changed between two credit policies, in words an admin reads in the version history.
import { fenToDecimal, formatFen } from "./money";
import { PLAN_CODES, type Band, type Plan, type PolicyParams } from "./policy";

export type PolicyChange = { key: string; label: string; before: string | null; after: string | null };

/** Basis points as a percentage without trailing zeros: 2500 → "25%", 1250 → "12.5%". */
export function formatBps(bps: number): string {
  return `${fenToDecimal(bps).replace(/\.?0+$/, "")}%`;
}

const SCALARS: { key: keyof PolicyParams; label: string; show: (value: never) => string }[] = [
  { key: "minScore", label: "Minimum score", show: (v: number) => String(v) },
  { key: "startingScore", label: "Starting score", show: (v: number) => String(v) },
  { key: "graceDays", label: "Grace period", show: (v: number) => `${v} ${v === 1 ? "day" : "days"}` },
  { key: "lateFeeFen", label: "Late fee", show: (v: number) => formatFen(v) },
  { key: "lateFeeCapBps", label: "Late fee cap", show: (v: number) => `${formatBps(v)} of the instalment` },
  { key: "onTimeBonus", label: "On-time payment effect", show: (v: number) => `+${v}` },
  { key: "overduePenalty", label: "Overdue effect", show: (v: number) => `−${v}` },
  { key: "overdue30Penalty", label: "30 days overdue effect", show: (v: number) => `−${v}` },
  { key: "suspendWhileOverdue", label: "Suspend pay later while overdue", show: (v: boolean) => (v ? "Yes" : "No") },
];

export function describeBand(band: Band): string {
  return `${band.minScore}–${band.maxScore}: ${formatFen(band.limitFen)}`;
}

export function describePlan(plan: Plan): string {
  const terms =
    plan.instalments === 1
      ? `one payment after ${plan.intervalDays} days`
      : `${plan.instalments} instalments every ${plan.intervalDays} days`;
  return `${plan.label}: ${terms}, ${plan.enabled ? "offered" : "not offered"}`;
}

const sameBand = (a: Band, b: Band) => a.minScore === b.minScore && a.maxScore === b.maxScore && a.limitFen === b.limitFen;
const samePlan = (a: Plan, b: Plan) =>
  a.label === b.label && a.instalments === b.instalments && a.intervalDays === b.intervalDays && a.enabled === b.enabled;

/** Every difference from `before` to `after`, in the editor's order; empty when they are the same. */
export function diffPolicies(before: PolicyParams, after: PolicyParams): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const { key, label, show } of SCALARS) {
    const a = before[key] as never;
    const b = after[key] as never;
    if (a !== b) changes.push({ key, label, before: show(a), after: show(b) });
  }
  // Bands match by content; a changed band keeps its starting score, anything else was removed or added.
  const removed = before.bands.filter((a) => !after.bands.some((b) => sameBand(a, b)));
  const added = after.bands.filter((b) => !before.bands.some((a) => sameBand(a, b)));
  const bandChanges: (PolicyChange & { start: number })[] = [];
  for (const a of removed) {
    const match = added.find((b) => b.minScore === a.minScore);
    bandChanges.push({ start: a.minScore, key: `bands.${a.minScore}`, label: `Limit band from ${a.minScore}`, before: describeBand(a), after: match ? describeBand(match) : null });
  }
  for (const b of added.filter((b) => !removed.some((a) => a.minScore === b.minScore)))
    bandChanges.push({ start: b.minScore, key: `bands.${b.minScore}`, label: `Limit band from ${b.minScore}`, before: null, after: describeBand(b) });
  bandChanges.sort((x, y) => x.start - y.start).forEach(({ start: _, ...change }) => changes.push(change));
  for (const code of PLAN_CODES) {
    const a = before.plans.find((p) => p.code === code);
    const b = after.plans.find((p) => p.code === code);
    if ((!a && !b) || (a && b && samePlan(a, b))) continue;
    changes.push({ key: `plans.${code}`, label: `Plan ${b?.label ?? a?.label ?? code}`, before: a ? describePlan(a) : null, after: b ? describePlan(b) : null });
  }
  return changes;
}
