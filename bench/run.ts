// `npm run bench`: every scenario in turn (each is also runnable alone: `npx tsx bench/<name>.ts`).
import { spawnSync } from "node:child_process";

const scenarios = process.argv.slice(2).length ? process.argv.slice(2) : ["receivables", "jobs", "place-order", "http"];
let failed = false;
for (const name of scenarios) {
  console.log(`\n== ${name} ==`);
  const result = spawnSync("npx", ["tsx", `bench/${name}.ts`], { stdio: "inherit" });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
