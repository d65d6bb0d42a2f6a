import { expect, test, type Page } from "@playwright/test";
import { resetDemoData, signIn } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

async function useChinese(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
}

test("bob sees his score over time as a chart and as a table, and what the next band needs", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await page.goto("/account/credit");
  await expect(page.getByRole("heading", { name: "Your score over time" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Line chart of your score over time" }).locator("svg.recharts-surface")).toBeVisible();
  const table = page.getByRole("region", { name: "Your score on each date it changed" });
  await page.getByRole("button", { name: "Show as a table" }).click();
  await expect(table).toBeVisible();
  await expect(table.getByRole("row").last()).toContainText("640");
  await expect(page.getByRole("figure", { name: "Line chart of your score over time" })).toBeHidden();
  await page.getByRole("button", { name: "Show as a chart" }).click();
  await expect(page.getByRole("figure", { name: "Line chart of your score over time" })).toBeVisible();

  const wayUp = page.getByRole("region", { name: "How to raise your score" });
  await expect(wayUp).toContainText("Pay each instalment in full by its due date: +5 points each time.");
  await expect(wayUp).toContainText("a score of 650 raises your credit limit to ¥2,000.00. You need 10 more points — about 2 on-time instalments.");
});

test("the credit page's score history and the way up in Chinese", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await useChinese(page);
  await page.goto("/account/credit");
  await expect(page.getByRole("heading", { name: "信用分变化" })).toBeVisible();
  await page.getByRole("button", { name: "以表格显示" }).click();
  await expect(page.getByRole("region", { name: "每次变动当日的分数" }).getByRole("row").last()).toContainText("640");
  await expect(page.getByRole("region", { name: "如何提高信用分" })).toContainText("还差 10 分");
});
