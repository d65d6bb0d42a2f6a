import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// Every page of every area, signed in as the role that sees it. Detail pages are reached from their list.
const AREAS: { email: string | null; paths: string[]; detail?: { list: string; link: RegExp } }[] = [
  { email: null, paths: ["/", "/sign-in", "/sign-up", "/stores/lumen-electronics", "/stores/cloud-tea-house", "/support"] },
  {
    email: "alice@example.com",
    paths: ["/", "/cart", "/checkout", "/account", "/account/credit", "/account/bills", "/account/orders", "/account/notifications", "/support"],
    detail: { list: "/account/orders", link: /^\/account\/orders\/\d+$/ },
  },
  {
    email: "shop@example.com",
    paths: [
      "/merchant",
      "/merchant/orders",
      "/merchant/receivables",
      "/merchant/products",
      "/merchant/settings",
      "/merchant/collections",
      "/merchant/support",
      "/merchant/developers",
    ],
    detail: { list: "/merchant/orders", link: /^\/merchant\/orders\/\d+$/ },
  },
  {
    email: "admin@example.com",
    paths: ["/admin", "/admin/policy", "/admin/consumers", "/admin/merchants", "/admin/audit", "/admin/support"],
    detail: { list: "/admin/consumers", link: /^\/admin\/consumers\/\d+$/ },
  },
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}

async function detailPath(page: Page, list: string, link: RegExp) {
  await page.goto(list);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => link.test(h));
  expect(href, `a detail link on ${list}`).toBeTruthy();
  return href!;
}

for (const area of AREAS) {
  const who = area.email ?? "a visitor";
  test(`axe finds no serious or critical violations for ${who}`, async ({ page }) => {
    test.setTimeout(120_000);
    if (area.email) await signIn(page, area.email);
    const paths = [...area.paths];
    if (area.detail) paths.push(await detailPath(page, area.detail.list, area.detail.link));
    const failures: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("load");
      for (const v of await seriousViolations(page)) failures.push(`${path}: ${v}`);
    }
    expect(failures).toEqual([]);
  });
}

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const area of AREAS) {
    const who = area.email ?? "a visitor";
    test(`no page scrolls sideways for ${who}`, async ({ page }) => {
      test.setTimeout(120_000);
      if (area.email) await signIn(page, area.email);
      const paths = [...area.paths];
      if (area.detail) paths.push(await detailPath(page, area.detail.list, area.detail.link));
      const failures: string[] = [];
      for (const path of paths) {
        await page.goto(path);
        await page.waitForLoadState("load");
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth) failures.push(`${path}: ${scrollWidth}px wide in ${clientWidth}px`);
        if (!area.email || area.email === "alice@example.com") {
          // Touch-sized controls on consumer pages: buttons and inputs at least 24px (WCAG 2.5.8), most 44px.
          const small = await page.evaluate(() =>
            [...document.querySelectorAll("main button, main input:not([type=checkbox]):not([type=radio]), main select, header button")]
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && (r.height < 24 || r.width < 24);
              })
              .map((el) => el.outerHTML.slice(0, 80)),
          );
          for (const s of small) failures.push(`${path}: small control ${s}`);
        }
        if (process.env.A11Y_SCREENSHOTS)
          await page.screenshot({ path: `/tmp/i18n-mobile${path.replaceAll("/", "_") || "_home"}-${who.split("@")[0]}.png`, fullPage: true });
      }
      expect(failures).toEqual([]);
    });
  }
});
