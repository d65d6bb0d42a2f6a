import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { alert, resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

test("shop@example.com sees receivables with aging buckets and exports them as CSV", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant/receivables");
  for (const label of ["Outstanding", "Due in 7 days", "Overdue", "Collected"])
    await expect(page.getByRole("group", { name: label, exact: true })).toContainText("¥");
  await expect(page.getByRole("group", { name: "Overdue", exact: true })).not.toContainText("¥0.00");
  for (const bucket of ["1–30 days", "31–60 days", "61–90 days", "91+ days"]) {
    await expect(page.getByRole("heading", { name: bucket })).toBeVisible();
    await expect(page.getByRole("group", { name: bucket })).not.toContainText("¥0.00");
  }
  const overdueTable = page.getByRole("table", { name: "Overdue instalments" });
  await expect(overdueTable.getByRole("row")).not.toHaveCount(1);
  await expect(overdueTable).toContainText("H*** S.");
  await expect(overdueTable).not.toContainText("heidi@example.com");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toContain("order_number");
  expect(lines[0]).toContain("due_date");
  expect(lines.length).toBeGreaterThan(5);
  expect(lines.some((line) => line.includes("overdue"))).toBe(true);
  expect(lines.join("\n")).not.toMatch(/[a-z]{2,}@example\.com/); // emails are masked
  await page.screenshot({ path: "/tmp/merchant-receivables.png", fullPage: true });
});

test("the CSV export refuses anyone but a merchant", async ({ page }) => {
  const anonymous = await page.request.get("/merchant/receivables/export", { maxRedirects: 0 });
  expect(anonymous.status()).not.toBe(200);
  await signIn(page, "alice@example.com");
  const consumer = await page.request.get("/merchant/receivables/export", { maxRedirects: 0 });
  expect(consumer.status()).not.toBe(200);
  expect(await consumer.text()).not.toContain("order_number");
});

test("shop@example.com marks a placed order shipped", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant");
  await page.getByRole("link", { name: "Orders to ship" }).click();
  await expect(page).toHaveURL(/status=placed/);
  await page.getByRole("link", { name: "HF-1012" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order HF-1012" })).toBeVisible();
  await expect(page.getByText("K*** M.")).toBeVisible();
  // Where to ship: the recipient, phone and address of the store's own order.
  const shipTo = page.locator("section", { has: page.getByRole("heading", { name: "Ship to" }) });
  await expect(shipTo).toContainText("88 Century Avenue, Pudong, Shanghai 200120");
  await expect(shipTo).toContainText("13800138000");
  await page.getByRole("button", { name: "Mark shipped" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark order HF-1012 as shipped?" });
  await dialog.getByLabel("Tracking number (optional)").fill("SF1234567890");
  await dialog.getByRole("button", { name: "Confirm shipped" }).click();
  await expect(dialog.getByText("Name the carrier of this tracking number.")).toBeVisible();
  await dialog.getByLabel("Carrier (optional)").fill("SF Express");
  await dialog.getByRole("button", { name: "Confirm shipped" }).click();
  await expect(status(page)).toContainText("Order HF-1012 marked shipped.");
  await expect(shipTo).toContainText("SF Express");
  await expect(shipTo).toContainText("SF1234567890");
  await expect(page.getByRole("button", { name: "Mark completed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark shipped" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/merchant-order.png", fullPage: true });
});

test("shop@example.com refunds part of an order, and cannot refund more than is left", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant/orders?q=HF-1002");
  await page.getByRole("link", { name: "HF-1002" }).click();
  await page.getByRole("button", { name: "Refund" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund order HF-1002" });
  await dialog.getByLabel("Refund amount (¥)").fill("500");
  await dialog.getByLabel("Reason").fill("Scratched casing");
  await dialog.getByRole("button", { name: "Confirm refund" }).click();
  await expect(status(page)).toContainText("Refunded ¥500.00 on order HF-1002");
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Refunds" }) })).toContainText("“Scratched casing”");
  // ¥2,799 is still owed: the order stays shipped, partly refunded, and can still be completed.
  await expect(page.getByText("Shipped · Partly refunded ¥500.00")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark completed" })).toBeVisible();

  await page.getByRole("button", { name: "Refund" }).click();
  await dialog.getByLabel("Refund amount (¥)").fill("3000");
  await dialog.getByLabel("Reason").fill("Too much");
  await dialog.getByRole("button", { name: "Confirm refund" }).click();
  await expect(dialog.getByText("At most ¥2,799.00 can be refunded.")).toBeVisible();
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toBeHidden();
  await expect(alert(page).filter({ hasText: /refund/i })).toHaveCount(0);
});

test("tea@example.com turns pay later on, and the landing page then shows it", async ({ page }) => {
  await signIn(page, "tea@example.com");
  await page.goto("/merchant/settings");
  const offer = page.getByLabel("Offer pay later");
  await expect(offer).not.toBeChecked();
  await offer.check();
  await page.getByLabel("Minimum order for pay later (¥)").fill("200");
  await page.getByLabel("Maximum order for pay later (¥)").fill("100");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(alert(page)).toContainText("highlighted");
  await expect(page.getByText("The maximum must be at least the minimum.")).toBeVisible();
  await page.getByLabel("Maximum order for pay later (¥)").fill("5000");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(status(page)).toContainText("Settings saved");
  await page.screenshot({ path: "/tmp/merchant-settings.png", fullPage: true });

  await page.goto("/");
  const tea = page.getByRole("region", { name: "Stores" }).getByRole("link", { name: /Cloud Tea House/ });
  await expect(tea.getByText("Pay later available")).toBeVisible();
});

test("tea@example.com adds a product with per-field validation, then deactivates it", async ({ page }) => {
  await signIn(page, "tea@example.com");
  await page.goto("/merchant/products");
  await page.getByText("Add a product").click();
  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("Name").fill("Jasmine Pearls 100g");
  await form.getByLabel("Price (¥)").fill("abc");
  await form.getByLabel("Stock").fill("-3");
  await form.getByRole("button", { name: "Add product" }).click();
  await expect(form.getByText("Enter a price in yuan, like 129 or 129.90.")).toBeVisible();
  await expect(form.getByText("Enter stock as a whole number, 0 or more.")).toBeVisible();
  await form.getByLabel("Price (¥)").fill("158.00");
  await form.getByLabel("Stock").fill("30");
  await form.getByRole("button", { name: "Add product" }).click();
  await expect(form.getByRole("status")).toContainText("Added Jasmine Pearls 100g.");
  const row = page.getByRole("region", { name: "Catalogue" }).getByRole("listitem").filter({ hasText: "Jasmine Pearls 100g" });
  await expect(row).toContainText("¥158.00");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: "Deactivate Jasmine Pearls 100g?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Inactive");
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/merchant-products-390.png", fullPage: true });
});
