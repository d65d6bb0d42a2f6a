import { expect, test } from "@playwright/test";
import { resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

test("bob reads the agreement, enables pay later and sees his limit", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await page.goto("/account/credit");
  await expect(page.getByRole("region", { name: "Credit score" })).toContainText("640");
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Not enabled");
  await expect(page.getByText("Your score 640 meets the 600 needed")).toBeVisible();

  await page.getByRole("button", { name: "Enable pay later" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Houfu Pay Later Agreement");
  const confirm = dialog.getByRole("button", { name: "Confirm" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("checkbox", { name: /^I agree/ }).check();
  await confirm.click();

  await expect(status(page).filter({ hasText: "Pay later is enabled." })).toBeVisible();
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Enabled");
  await expect(page.getByRole("group", { name: "Credit limit" })).toContainText("¥1,000.00");
  await expect(page.getByRole("group", { name: "Available credit" })).toContainText("¥1,000.00");
  await expect(page.getByRole("button", { name: "Enable pay later" })).toHaveCount(0);
});

test("carol sees why she cannot enable pay later", async ({ page }) => {
  await signIn(page, "carol@example.com");
  await page.goto("/account/credit");
  await expect(page.getByRole("region", { name: "Credit score" })).toContainText("520");
  await expect(page.getByText("Your score 520 is below the 600 needed to enable pay later.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enable pay later" })).toBeDisabled();
  await expect(page.getByRole("group", { name: "Credit limit" })).toContainText("¥0.00");
});

test("dave sees that he is suspended and why, with the way back", async ({ page }) => {
  await signIn(page, "dave@example.com");
  await page.goto("/account/credit");
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Suspended");
  await expect(page.getByText("Pay later is suspended because a payment is overdue.")).toBeVisible();
  await expect(page.getByRole("link", { name: "See what is overdue and repay it" })).toBeVisible();
  // The way back is to repay, so there is no Enable button that could not be pressed.
  await expect(page.getByRole("button", { name: "Enable pay later" })).toHaveCount(0);
  const report = page.getByRole("table", { name: "Every change to your credit score, newest first" });
  await expect(report).toContainText("Payment overdue");
  await expect(report).toContainText("−25");
});

test("alice cannot turn pay later off while she owes money", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/credit");
  await page.getByRole("button", { name: "Turn off pay later" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("You still owe ¥3,299.00");
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(dialog.getByRole("alert")).toContainText("repay them before turning pay later off");
  await dialog.getByRole("button", { name: "Keep it on" }).click();
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Enabled");
});
