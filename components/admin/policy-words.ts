// The admin console's words for policy changes and policy form problems, built from the adminPolicyWords messages
// (the same for the server-rendered history and the client editor).
import type { PolicyDiffWords } from "@/server/domain/policy-diff";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const SCALAR_KEYS = [
  "minScore",
  "startingScore",
  "graceDays",
  "lateFeeFen",
  "lateFeeCapBps",
  "onTimeBonus",
  "overduePenalty",
  "overdue30Penalty",
  "suspendWhileOverdue",
  "authorizationWindowDays",
  "extensionMaxDays",
  "extensionFeeFen",
] as const;

export function policyDiffWords(t: Translate, locale: string): PolicyDiffWords {
  return {
    label: Object.fromEntries(SCALAR_KEYS.map((k) => [k, t(`label_${k}`)])) as PolicyDiffWords["label"],
    days: (n) => t(n === 1 ? "day" : "days", { n }),
    capOfInstalment: (percent) => t("capOfInstalment", { percent }),
    yes: t("yes"),
    no: t("no"),
    bandFrom: (minScore) => t("bandFrom", { minScore }),
    plan: (name) => t("plan", { name }),
    // English keeps the plan's own stored label; other languages name the plan by its code.
    planName: (code, label) => (locale === "en" || !["pay_in_30", "pay_in_3"].includes(code) ? label : t(`plan_${code}`)),
    onePaymentAfter: (days) => t("onePaymentAfter", { days }),
    instalmentsEvery: (instalments, days) => t("instalmentsEvery", { instalments, days }),
    planTerms: (name, terms, offered) => t(offered ? "planOffered" : "planNotOffered", { name, terms }),
  };
}

/** Every field a policy problem can name: the scalar terms, the lists and the note. */
const FIELDS: string[] = [...SCALAR_KEYS, "bands", "plans", "note"];
const PARTS = ["minScore", "maxScore", "limitFen", "instalments", "intervalDays"];

/** "bands.1.maxScore" → "Band 2 to"; "lateFeeFen" → "Late fee". */
export function labelForPath(path: PropertyKey[], t: Translate): string {
  const [head, index, part] = path.map(String).filter((p) => p !== "params");
  const partText = part ? ` ${PARTS.includes(part) ? t(`part_${part}`) : part}` : "";
  if (head === "bands" && index !== undefined) return `${t("bandN", { n: Number(index) + 1 })}${partText}`;
  if (head === "plans" && index !== undefined) return `${t("planN", { n: Number(index) + 1 })}${partText}`;
  return head && FIELDS.includes(head) ? t(`field_${head}`) : (head ?? t("field_policy"));
}

// The policy schema's sentences (server/domain/policy.ts) are English; other languages look them up here.
const ISSUES: [RegExp, string][] = [
  [/^Enter a score\.$/, "enterScore"],
  [/^Enter a score as a whole number\.$/, "scoreWhole"],
  [/^Scores start at (\d+)\.$/, "scoresStart"],
  [/^Scores end at (\d+)\.$/, "scoresEnd"],
  [/^Enter an amount in yuan, like 15\.00\.$/, "enterAmount"],
  [/^Use at most two decimals\.$/, "twoDecimals"],
  [/^Amounts cannot be negative\.$/, "amountNegative"],
  [/^At most ¥1,000,000\.$/, "amountMax"],
  [/^Enter a number of days\.$/, "enterDays"],
  [/^Enter a number of days as a whole number\.$/, "daysWhole"],
  [/^At least (\d+) days?\.$/, "daysMin"],
  [/^At most (\d+) days\.$/, "daysMax"],
  [/^Enter points\.$/, "enterPoints"],
  [/^Enter points as a whole number\.$/, "pointsWhole"],
  [/^Use 0 or more points\.$/, "pointsMin"],
  [/^At most (\d+) points\.$/, "pointsMax"],
  [/^Enter a number of instalments\.$/, "enterInstalments"],
  [/^Enter a number of instalments as a whole number\.$/, "instalmentsWhole"],
  [/^At least 1 instalment\.$/, "instalmentsMin"],
  [/^At most 12 instalments\.$/, "instalmentsMax"],
  [/^Enter a percentage, like 25\.$/, "enterPercent"],
  [/^The cap cannot be negative\.$/, "capNegative"],
  [/^The cap is at most 100%\.$/, "capMax"],
  [/^The band ends before it starts\.$/, "bandEndsBeforeStart"],
  [/^Bands must be sorted and contiguous: this band should start at (\d+)\.$/, "bandsContiguous"],
  [/^The lowest band must start at the minimum score \((\d+)\)\.$/, "lowestBand"],
  [/^Each plan may appear once\.$/, "planOnce"],
  [/^At least one plan must be offered\.$/, "planOffered"],
  [/^Say why the policy changes\.$/, "noteMissing"],
];

/** A validation sentence in the console's language (English as the schema says it). */
export function issueText(message: string | undefined, t: Translate, locale: string): string | undefined {
  if (!message || locale === "en") return message;
  for (const [pattern, key] of ISSUES) {
    const match = pattern.exec(message);
    if (match) return t(`issue_${key}`, { n: match[1] ?? "" });
  }
  return message;
}
