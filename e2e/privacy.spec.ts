import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { alert, PASSWORD, resetDemoData, signIn } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

async function useChinese(page: Page) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
}

test("alice downloads her data, and cannot close her account while she owes", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.getByRole("link", { name: "Your data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("houfu-my-data.json");
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(data.profile.email).toBe("alice@example.com");
  expect(data.orders.map((o: { number: string }) => o.number)).toContain("HF-1002");
  expect(JSON.stringify(data)).not.toContain("dave@example.com");
  await expect(page.getByRole("status").filter({ hasText: "houfu-my-data.json" })).toBeVisible();

  await expect(page.getByText(/You still owe ¥[\d,]+\.\d\d\. Repay it before closing your account\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Close my account" })).toHaveCount(0);
  await expect(page.getByText("What we keep, and why")).toBeVisible();
});

test("carol closes her account: confirmed, signed out, cannot sign in, and the store still sees her order", async ({ page, browser }) => {
  await signIn(page, "carol@example.com");
  await page.goto("/account/orders");
  const number = (await page
    .getByRole("link", { name: /^HF-\d+/ })
    .first()
    .textContent())!.match(/HF-\d+/)![0];
  await page.goto("/account/privacy");
  await page.getByRole("button", { name: "Close my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Close your account?" });
  await dialog.getByRole("button", { name: "Keep my account" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Close my account" }).click();
  await dialog.getByLabel("Type CLOSE to confirm").fill("close it");
  await dialog.getByRole("button", { name: "Close account for good" }).click();
  await expect(alert(page).first()).toBeVisible();
  await page.getByRole("button", { name: "Close my account" }).click();
  await dialog.getByLabel("Type CLOSE to confirm").fill("CLOSE");
  await dialog.getByRole("button", { name: "Close account for good" }).click();
  await expect(page).toHaveURL("/account-closed");
  await expect(page.getByRole("heading", { level: 1, name: "Your account is closed." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill("carol@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert(page).first()).toBeVisible();

  const shop = await browser.newPage();
  await signIn(shop, "shop@example.com");
  await shop.goto(`/merchant/orders?q=${number}`);
  await shop.getByRole("link", { name: number }).first().click();
  await expect(shop.getByRole("heading", { level: 1, name: new RegExp(number) })).toBeVisible();
  await expect(shop.locator("body")).not.toContainText("carol");
  await shop.close();

  const admin = await browser.newPage();
  await signIn(admin, "admin@example.com");
  await admin.goto("/admin/audit");
  await expect(admin.locator("table").getByText("Account closed by its owner").first()).toBeVisible();
  await admin.close();
});

test("carol downloads her data and closes her account in Chinese", async ({ page }) => {
  await signIn(page, "carol@example.com");
  await useChinese(page);
  await page.goto("/account/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "您的数据" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载我的数据" }).click();
  const data = JSON.parse(fs.readFileSync((await (await downloading).path())!, "utf8"));
  expect(data.profile.email).toBe("carol@example.com");
  await expect(page.getByText("我们保留什么，为什么")).toBeVisible();
  await page.getByRole("button", { name: "注销我的账户" }).click();
  const dialog = page.getByRole("dialog", { name: "确定注销账户？" });
  await dialog.getByLabel("输入 CLOSE 以确认").fill("CLOSE");
  await dialog.getByRole("button", { name: "永久注销账户" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "您的账户已注销。" })).toBeVisible();
});
