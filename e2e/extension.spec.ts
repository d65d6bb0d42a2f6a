import { expect, test } from "@playwright/test";
import { resetDemoData, signIn } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

test("alice moves her second instalment by 14 days once, and the merchant sees the new date @engines", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/bills");
  const withMove = page
    .getByRole("article")
    .filter({ has: page.getByRole("button", { name: "Move a due date" }) })
    .first();
  const orderNumber = /HF-[\w-]+/.exec(await withMove.getByRole("heading").first().innerText())![0];
  // Found by its order number: the button's name changes once the panel is open.
  const bill = page.getByRole("article", { name: new RegExp(orderNumber) });
  await bill.getByRole("button", { name: "Move a due date" }).click();
  await bill.getByLabel("Instalment", { exact: true }).selectOption({ index: 1 });
  await bill.getByLabel("Days later").fill("14");
  await bill.getByRole("button", { name: "Show the new schedule" }).click();
  const schedule = bill.getByRole("table", { name: "Your new schedule" });
  await expect(schedule).toBeVisible();
  await expect(schedule.getByRole("row").nth(2)).toContainText("(moved from");
  const moved = (await schedule.getByRole("row").nth(2).getByRole("cell").nth(1).innerText()).replace(/ \(moved from.*\)$/, "");
  await bill.getByRole("button", { name: "Confirm new date" }).click();
  await expect(page.getByText(/^Instalment 2 was moved from .+ to .+; a due date on this order can be moved only once\.$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Move a due date" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: moved }).first()).toBeVisible();

  await page.goto("/account/credit");
  await expect(page.getByText("Due date moved (no effect on your score)")).toBeVisible();

  await signIn(page, "shop@example.com");
  await page.goto("/merchant/orders");
  await page.getByRole("link", { name: orderNumber }).click();
  await expect(page.getByText(moved).first()).toBeVisible();
  await expect(page.getByText("Due date moved by the customer")).toBeVisible();
});

test("扩展还款日：中文界面显示新的还款计划并确认", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/bills");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "延期还款日" }).first().click();
  await page.getByLabel("延后天数").fill("7");
  await page.getByRole("button", { name: "查看新的还款计划" }).click();
  await expect(page.getByRole("table", { name: "新的还款计划" })).toContainText("（原为");
  await page.getByRole("button", { name: "确认新日期" }).click();
  await expect(page.getByText(/^第 1 期已从 .+ 延至 .+；每笔订单只能延期一次。$/)).toBeVisible();
});
