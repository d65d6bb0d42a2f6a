// Issue 16 item 8: on a 390 px phone the money tables show their key columns without sideways scrolling,
// the navigation folds into a menu, and the current page is marked.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { resetDemoData, signIn } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function fullyOnScreen(page: Page, cell: Locator) {
  const box = await cell.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "the cell is laid out").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

/** Table regions scroll no wider than they are (all of them, or the one named), ignoring visually hidden ones. */
async function noSidewaysScroll(page: Page, name?: string) {
  const regions = name
    ? page.getByRole("region", { name, exact: true })
    : page.locator('[role=region][tabindex="0"]').filter({ has: page.getByRole("table") });
  for (const region of await regions.all()) {
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    if (clientWidth <= 1) continue;
    expect(scrollWidth, "a table region scrolls sideways").toBeLessThanOrEqual(clientWidth);
  }
}

test("the merchant's orders show status and total on screen, and the menu marks the current page", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant/orders");
  const row = page.getByRole("table").getByRole("row").nth(1);
  await fullyOnScreen(
    page,
    row
      .getByRole("cell")
      .filter({ hasText: /Placed|Shipped|Completed|Cancelled|Refunded/ })
      .first(),
  );
  await fullyOnScreen(page, row.getByRole("cell").filter({ hasText: /¥/ }).first());
  await noSidewaysScroll(page);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Receivables" })).toBeHidden();
  await nav.getByText("Menu").click();
  await expect(nav.getByRole("link", { name: "Orders" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Receivables" }).click();
  await expect(page).toHaveURL(/\/merchant\/receivables$/);
  await expect(nav.getByRole("link", { name: "Receivables" })).toBeHidden();
  await nav.getByText("Menu").click();
  await expect(nav.getByRole("link", { name: "Receivables" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Orders" })).not.toHaveAttribute("aria-current", "page");

  const overdue = page.getByRole("region", { name: "Overdue instalments" }).getByRole("row").nth(1);
  await fullyOnScreen(page, overdue.getByRole("cell").filter({ hasText: /¥/ }).first());
  await noSidewaysScroll(page, "Overdue instalments");
  await page.screenshot({ path: "/tmp/work-16b-shots/merchant-receivables-390.png", fullPage: true });
});

test("the admin's stores table shows owed amounts and the actions on screen", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/merchants");
  const lumen = page.getByRole("row", { name: /Lumen Electronics/ });
  await fullyOnScreen(page, lumen.getByRole("button", { name: "Force pay later off at Lumen Electronics" }));
  await fullyOnScreen(page, lumen.getByRole("cell").filter({ hasText: /¥/ }).first());
  await noSidewaysScroll(page);
  await page.screenshot({ path: "/tmp/work-16b-shots/admin-merchants-390.png", fullPage: true });
});

test("the consumer's pages mark where they are on a phone too", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/orders");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByText("Menu").click();
  await expect(nav.getByRole("link", { name: "Orders" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Account" })).not.toHaveAttribute("aria-current", "page");
  await noSidewaysScroll(page);
  await page.screenshot({ path: "/tmp/work-16b-shots/consumer-orders-390.png", fullPage: true });
});
