// What changed between two credit policies, in words an admin reads in the version history.
import { fenToDecimal, formatFen } from "./money";
import { PLAN_CODES, type Band, type Plan, type PolicyParams } from "./policy";

export type PolicyChange = { key: string; label: string; before: string | null; after: string | null };

/** Basis points as a percentage without trailing zeros: 2500 → "25%", 1250 → "12.5%". */
export function formatBps(bps: number): string {
  return `${fenToDecimal(bps).replace(/\.?0+$/, "")}%`;
}

type ScalarKey =
  | "minScore"
  | "startingScore"
  | "graceDays"
  | "lateFeeFen"
  | "lateFeeCapBps"
  | "onTimeBonus"
  | "overduePenalty"
  | "overdue30Penalty"
  | "suspendWhileOverdue"
  | "authorizationWindowDays"
  | "extensionMaxDays"
  | "extensionFeeFen";

/** The words a diff is written in; English by default, the admin console passes its locale's. */
export type PolicyDiffWords = {
  label: Record<ScalarKey, string>;
  days: (n: number) => string;
  capOfInstalment: (percent: string) => string;
  yes: string;
  no: string;
  bandFrom: (minScore: number) => string;
  plan: (name: string) => string;
  planName: (code: string, label: string) => string;
  onePaymentAfter: (days: number) => string;
  instalmentsEvery: (instalments: number, days: number) => string;
  planTerms: (name: string, terms: string, offered: boolean) => string;
};

export const ENGLISH_DIFF_WORDS: PolicyDiffWords = {
  label: {
    minScore: "Minimum score",
    startingScore: "Starting score",
    graceDays: "Grace period",
    lateFeeFen: "Late fee",
    lateFeeCapBps: "Late fee cap",
    onTimeBonus: "On-time payment effect",
    overduePenalty: "Overdue effect",
    overdue30Penalty: "30 days overdue effect",
    suspendWhileOverdue: "Suspend pay later while overdue",
    authorizationWindowDays: "API authorization window",
    extensionMaxDays: "Due-date extension",
    extensionFeeFen: "Extension fee",
  },
  days: (n) => `${n} ${n === 1 ? "day" : "days"}`,
  capOfInstalment: (percent) => `${percent} of the instalment`,
  yes: "Yes",
  no: "No",
  bandFrom: (minScore) => `Limit band from ${minScore}`,
  plan: (name) => `Plan ${name}`,
  planName: (_code, label) => label,
  onePaymentAfter: (days) => `one payment after ${days} days`,
  instalmentsEvery: (instalments, days) => `${instalments} instalments every ${days} days`,
  planTerms: (name, terms, offered) => `${name}: ${terms}, ${offered ? "offered" : "not offered"}`,
};

const SCALARS: { key: ScalarKey; show: (value: never, words: PolicyDiffWords) => string }[] = [
  { key: "minScore", show: (v: number) => String(v) },
  { key: "startingScore", show: (v: number) => String(v) },
  { key: "graceDays", show: (v: number, w) => w.days(v) },
  { key: "lateFeeFen", show: (v: number) => formatFen(v) },
  { key: "lateFeeCapBps", show: (v: number, w) => w.capOfInstalment(formatBps(v)) },
  { key: "onTimeBonus", show: (v: number) => `+${v}` },
  { key: "overduePenalty", show: (v: number) => `−${v}` },
  { key: "overdue30Penalty", show: (v: number) => `−${v}` },
  { key: "suspendWhileOverdue", show: (v: boolean, w) => (v ? w.yes : w.no) },
  { key: "authorizationWindowDays", show: (v: number, w) => w.days(v) },
  { key: "extensionMaxDays", show: (v: number, w) => w.days(v) },
  { key: "extensionFeeFen", show: (v: number) => formatFen(v) },
];

export function describeBand(band: Band): string {
  return `${band.minScore}–${band.maxScore}: ${formatFen(band.limitFen)}`;
}

export function describePlan(plan: Plan, words: PolicyDiffWords = ENGLISH_DIFF_WORDS): string {
  const terms = plan.instalments === 1 ? words.onePaymentAfter(plan.intervalDays) : words.instalmentsEvery(plan.instalments, plan.intervalDays);
  return words.planTerms(words.planName(plan.code, plan.label), terms, plan.enabled);
}

const sameBand = (a: Band, b: Band) => a.minScore === b.minScore && a.maxScore === b.maxScore && a.limitFen === b.limitFen;
const samePlan = (a: Plan, b: Plan) =>
  a.label === b.label && a.instalments === b.instalments && a.intervalDays === b.intervalDays && a.enabled === b.enabled;

/** Every difference from `before` to `after`, in the editor's order; empty when they are the same. */
export function diffPolicies(before: PolicyParams, after: PolicyParams, words: PolicyDiffWords = ENGLISH_DIFF_WORDS): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const { key, show } of SCALARS) {
    const a = before[key] as never;
    const b = after[key] as never;
    if (a !== b) changes.push({ key, label: words.label[key], before: show(a, words), after: show(b, words) });
  }
  // Bands match by content; a changed band keeps its starting score, anything else was removed or added.
  const removed = before.bands.filter((a) => !after.bands.some((b) => sameBand(a, b)));
  const added = after.bands.filter((b) => !before.bands.some((a) => sameBand(a, b)));
  const bandChanges: (PolicyChange & { start: number })[] = [];
  for (const a of removed) {
    const match = added.find((b) => b.minScore === a.minScore);
    bandChanges.push({
      start: a.minScore,
      key: `bands.${a.minScore}`,
      label: words.bandFrom(a.minScore),
      before: describeBand(a),
      after: match ? describeBand(match) : null,
    });
  }
  for (const b of added.filter((b) => !removed.some((a) => a.minScore === b.minScore)))
    bandChanges.push({ start: b.minScore, key: `bands.${b.minScore}`, label: words.bandFrom(b.minScore), before: null, after: describeBand(b) });
  bandChanges.sort((x, y) => x.start - y.start).forEach(({ start: _, ...change }) => changes.push(change));
  for (const code of PLAN_CODES) {
    const a = before.plans.find((p) => p.code === code);
    const b = after.plans.find((p) => p.code === code);
    if ((!a && !b) || (a && b && samePlan(a, b))) continue;
    changes.push({
      key: `plans.${code}`,
      label: words.plan(words.planName(code, b?.label ?? a?.label ?? code)),
      before: a ? describePlan(a, words) : null,
      after: b ? describePlan(b, words) : null,
    });
  }
  return changes;
}
