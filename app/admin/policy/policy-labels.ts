// Names of the policy's fields as the editor shows them, for error lists.
const FIELD_LABELS: Record<string, string> = {
  minScore: "Minimum score",
  startingScore: "Starting score",
  graceDays: "Grace period",
  lateFeeFen: "Late fee",
  lateFeeCapBps: "Late fee cap",
  onTimeBonus: "On-time payment",
  overduePenalty: "Overdue",
  overdue30Penalty: "30 days overdue",
  suspendWhileOverdue: "Suspend while overdue",
  bands: "Limit bands",
  plans: "Plans",
  note: "Note",
};

const PART_LABELS: Record<string, string> = { minScore: "from", maxScore: "to", limitFen: "limit", instalments: "instalments", intervalDays: "days between payments" };

/** "bands.1.maxScore" → "Band 2 to"; "lateFeeFen" → "Late fee". */
export function labelForPath(path: PropertyKey[]): string {
  const [head, index, part] = path.map(String).filter((p) => p !== "params");
  if (head === "bands" && index !== undefined) return `Band ${Number(index) + 1}${part ? ` ${PART_LABELS[part] ?? part}` : ""}`;
  if (head === "plans" && index !== undefined) return `Plan ${Number(index) + 1}${part ? ` ${PART_LABELS[part] ?? part}` : ""}`;
  return FIELD_LABELS[head ?? ""] ?? head ?? "Policy";
}
