import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { issueText, labelForPath, policyDiffWords } from "@/components/admin/policy-words";
import { DEFAULT_POLICY, policyUpdateSchema, type PolicyParams } from "@/server/domain/policy";
import { diffPolicies } from "@/server/domain/policy-diff";

const zh = JSON.parse(readFileSync("messages/zh-CN/admin.json", "utf8")).adminPolicyWords as Record<string, string>;
const t = (key: string, values?: Record<string, string | number>) => zh[key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k]));

const edit = (change: (p: PolicyParams) => void): PolicyParams => {
  const copy = structuredClone(DEFAULT_POLICY);
  change(copy);
  return copy;
};

describe("policy diffs in the admin's language", () => {
  it("writes labels and values with the words given, finding the same changes as English", () => {
    const after = edit((p) => {
      p.graceDays = 5;
      p.lateFeeCapBps = 2_000;
      p.suspendWhileOverdue = false;
      p.plans[1]!.enabled = false;
    });
    const english = diffPolicies(DEFAULT_POLICY, after);
    const chinese = diffPolicies(DEFAULT_POLICY, after, policyDiffWords(t, "zh-CN"));
    expect(chinese.map((c) => c.key)).toEqual(english.map((c) => c.key));
    expect(chinese.find((c) => c.key === "graceDays")).toMatchObject({ label: "宽限期", after: "5 天" });
    expect(chinese.find((c) => c.key === "lateFeeCapBps")?.after).toBe("该期金额的 20%");
    expect(chinese.find((c) => c.key === "suspendWhileOverdue")).toMatchObject({ before: "是", after: "否" });
    const plan = chinese.find((c) => c.key.startsWith("plans."))!;
    expect(plan.label).toBe("还款方式“分 3 期”");
    expect(plan.after).toContain("未提供");
    expect(JSON.stringify(chinese.map(({ label, before, after }) => [label, before, after]))).not.toMatch(/[A-Za-z]{2,}/);
  });
});

describe("policy form problems in Chinese", () => {
  it("translates every sentence the policy schema says about a broken policy", () => {
    const broken = {
      note: "",
      params: {
        ...DEFAULT_POLICY,
        minScore: 100,
        startingScore: 1.5,
        graceDays: 99,
        lateFeeFen: -1,
        lateFeeCapBps: 20_000,
        onTimeBonus: 500,
        overduePenalty: Number.NaN,
        bands: [
          { minScore: 600, maxScore: 500, limitFen: 1.5 },
          { minScore: 700, maxScore: 960, limitFen: 100 },
        ],
        plans: DEFAULT_POLICY.plans.map((p) => ({ ...p, enabled: false, instalments: 13, intervalDays: 0 })),
      },
    };
    const result = policyUpdateSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    expect(issues.length).toBeGreaterThan(10);
    for (const issue of issues) {
      const text = `${labelForPath(issue.path, t)}${t("colon")}${issueText(issue.message, t, "zh-CN")}`;
      expect(text, issue.message).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it("leaves English as the schema says it", () => {
    expect(issueText("The cap is at most 100%.", t, "en")).toBe("The cap is at most 100%.");
    expect(issueText("Scores start at 350.", t, "zh-CN")).toBe("信用分最低为 350。");
  });
});
