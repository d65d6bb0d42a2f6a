import { expect, test } from "@playwright/test";
import { PASSWORD, resetDemoData, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

test("a first visit follows Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "登录后付" })).toBeVisible();
  await context.close();
});

test("bob signs in, enables pay later, checks out with Pay later and repays, all in Chinese", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The switcher keeps the choice in a cookie; the URL stays the same.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL("/sign-in");
  await page.getByLabel("电子邮箱").fill("bob@example.com");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();

  await page.goto("/account/credit");
  await page.getByRole("button", { name: "开通先享后付" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("后付为您的先享后付订单向商家付款");
  await dialog.getByRole("checkbox", { name: /^我同意/ }).check();
  await dialog.getByRole("button", { name: "确认开通" }).click();
  await expect(status(page).first()).toContainText("先享后付已开通。");

  await page.goto("/stores/lumen-electronics");
  await page.getByRole("article", { name: "Halo Smart Speaker" }).getByRole("button", { name: "加入购物车" }).click();
  await expect(status(page).filter({ hasText: "已加入购物车" })).toBeVisible();

  await page.goto("/cart");
  await expect(page.getByLabel("购物车合计")).toHaveText("¥399.00");
  await page.getByRole("link", { name: "去结账" }).click();
  await expect(page).toHaveURL("/checkout");
  await page.getByLabel("收货人").fill("Bob Li");
  await page.getByLabel("电话").fill("139 0000 0000");
  await page.getByLabel("详细地址").fill("上海市浦东新区世纪大道 88 号");
  await page.getByRole("radio", { name: "先享后付" }).check();
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/\d+\?placed=1/);

  await page.goto("/account/bills");
  await expect(page.getByRole("heading", { level: 1, name: "账单" })).toBeVisible();
  await page.getByRole("button", { name: "还款" }).first().click();
  await page.getByLabel("卡号").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "确认付款" }).click();
  await expect(status(page).first()).toContainText("已收到付款 ¥");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});
