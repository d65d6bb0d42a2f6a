import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { resetDemoData, signIn } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

/** "¥1,314.00" → 131400 */
const fen = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, "")) * 100);
const figure = async (page: Page, name: string) =>
  fen((await page.getByRole("group", { name, exact: true }).getByRole("paragraph").first().textContent()) ?? "");

async function useChinese(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
}

test("dave reads this month's statement: it adds up, matches his bills, prints alone and downloads as CSV", async ({ page }) => {
  await signIn(page, "dave@example.com");
  await page.goto("/account/bills");
  const owed = (await figure(page, "Owed now")) + (await figure(page, "Owed later"));

  await page.goto("/account");
  await page.getByRole("link", { name: "Monthly statements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statements" })).toBeVisible();
  const months = page.getByRole("region", { name: "Your monthly statements, newest first" });
  await expect(months.getByRole("row")).not.toHaveCount(1);
  await months.getByRole("link", { name: /in progress/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Statement for / })).toBeVisible();

  const opening = await figure(page, "Opening balance");
  const orders = await figure(page, "New pay-later orders");
  const payments = await figure(page, "Payments");
  const refunds = await figure(page, "Refunds and cancellations");
  const fees = await figure(page, "Late fees");
  const closing = await figure(page, "Closing balance");
  expect(opening + orders + payments + refunds + fees).toBe(closing);
  expect(closing).toBe(owed);
  await expect(page.getByRole("group", { name: "Due next month" })).toBeVisible();

  // Printing hides the site's header and the buttons, and keeps the figures.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("group", { name: "Closing balance" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^houfu-statement-\d{4}-\d{2}\.csv$/);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("date,entry,order_number,store,amount_cny");
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-01,opening_balance,,,/);
  const amounts = lines.slice(1, -1).map((line) => fen(line.split(",").at(-1)!));
  expect(amounts.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(amounts.at(-1));
  expect(lines.at(-2)).toMatch(new RegExp(`,closing_balance,,,${(closing / 100).toFixed(2)}$`));
  expect(lines.at(-1)).toMatch(/,due_next_month,,,\d+\.\d\d$/);
});

test("bob, who never used pay later, has no statements yet", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await page.goto("/account/statements");
  await expect(page.getByText("No statements yet")).toBeVisible();
});

test("alice reads her statements in Chinese and downloads one", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await useChinese(page);
  await page.goto("/account/statements");
  await expect(page.getByRole("heading", { level: 1, name: "月度账单" })).toBeVisible();
  const months = page.getByRole("region", { name: "您的月度账单，最新的在前" });
  await expect(months.getByRole("link", { name: /本月进行中/ })).toBeVisible();
  // The oldest statement is the month of her first pay-later order: it has entries.
  await months.getByRole("link").last().click();
  await expect(page.getByRole("heading", { level: 1, name: /账单$/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "期末余额" })).toBeVisible();
  const entries = page.getByRole("region", { name: /影响您欠款的全部变动/ });
  await expect(entries.getByRole("row", { name: /先享后付订单/ }).first()).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 CSV" }).click();
  const text = fs.readFileSync((await (await downloading).path())!, "utf8");
  expect(text).toContain("closing_balance");
});
