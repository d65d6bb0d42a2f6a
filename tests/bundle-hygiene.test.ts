// What keeps the client bundles small (bench/bundles.ts measures them): heavy client libraries are reached
// only through their lazy wrappers, so one stray import cannot put them back into every page's first load.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib"];
const LAZY_ONLY: Record<string, string[]> = {
  sonner: ["lib/toast.ts", "components/layout/lazy-toaster.tsx"],
  // Signing in needs next-auth's client; nothing else does (sign-out is a server action).
  // Charts: the receivables trend and the consumer's score history, each behind next/dynamic.
  recharts: ["components/merchant/receivables-chart.tsx", "components/credit/score-chart.tsx"],
  "next-auth/react": ["app/(consumer)/sign-in/sign-in-form.tsx", "app/(consumer)/sign-up/sign-up-form.tsx"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("client bundle hygiene", () => {
  const files = ROOTS.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(file, "utf8") }));

  it("reads the source tree", () => expect(files.length).toBeGreaterThan(50));

  for (const [module, allowed] of Object.entries(LAZY_ONLY)) {
    it(`imports ${module} only from ${allowed.length ? allowed.join(" and ") : "nowhere"}`, () => {
      const pattern = new RegExp(`from\\s+["']${module.replace("/", "\\/")}["']|import\\(\\s*["']${module.replace("/", "\\/")}["']\\s*\\)`);
      const importing = files
        .filter(({ text }) => pattern.test(text))
        .map(({ file }) => file)
        .sort();
      expect(importing).toEqual([...allowed].sort());
    });
  }
});
