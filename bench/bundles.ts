// Scenario 5: first-load JavaScript per route, as a browser receives it (gzipped), against a running
// production server (`npm run build && npm start`, demo data): `npx tsx bench/bundles.ts [baseURL]`.
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { printTable, writeResults, type Row } from "./lib";

const base = process.argv[2] ?? "http://localhost:3000";
const TARGET_KB = 180;
const ROUTES: { email: string | null; paths: string[]; consumer: boolean }[] = [
  { email: null, paths: ["/", "/sign-in", "/stores/lumen-electronics"], consumer: true },
  { email: "alice@example.com", paths: ["/account", "/account/credit", "/account/bills", "/account/orders", "/cart", "/checkout"], consumer: true },
  {
    email: "shop@example.com",
    paths: ["/merchant", "/merchant/orders", "/merchant/receivables", "/merchant/products", "/merchant/settings"],
    consumer: false,
  },
  { email: "admin@example.com", paths: ["/admin", "/admin/policy", "/admin/consumers", "/admin/merchants", "/admin/audit"], consumer: false },
];

async function firstLoadJs(page: Page, url: string): Promise<number> {
  const bodies: Promise<number>[] = [];
  const listener = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script" && response.ok())
      bodies.push(
        response
          .body()
          .then((b) => gzipSync(b).length)
          .catch(() => 0),
      );
  };
  page.on("response", listener);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(500);
  page.off("response", listener);
  return (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const rows: Row[] = [];
for (const group of ROUTES) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (group.email) {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(group.email);
    await page.getByLabel("Password").fill("houfu-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  }
  for (const path of group.paths) {
    // A fresh page each time, so cached chunks from the previous route do not hide their size.
    const fresh = await context.newPage();
    await fresh.route("**/*", (route) => route.continue());
    const bytes = await firstLoadJs(fresh, base + path);
    await fresh.close();
    const kb = bytes / 1024;
    rows.push({
      scenario: "bundles",
      metric: `${path} first-load JS (gzip)`,
      value: `${kb.toFixed(1)} kB`,
      target: group.consumer ? `≤ ${TARGET_KB} kB` : "—",
      met: group.consumer ? kb <= TARGET_KB : null,
    });
  }
  await context.close();
}
await browser.close();
printTable(rows);
writeResults("bundles", rows, { base });
