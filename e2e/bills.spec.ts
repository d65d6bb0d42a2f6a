import { expect, test, type Page } from "@playwright/test";
import { alert, resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

const openBill = (page: Page, order: string) => page.getByRole("article", { name: new RegExp(`Order ${order}`) });

test("alice repays her next instalment, sees it paid and her available credit rise", { tag: "@engines" }, async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/bills");
  await expect(page.getByRole("heading", { level: 1, name: "Bills" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Available credit" })).toContainText("¥6,701.00");

  const bill = openBill(page, "HF-1002");
  await bill.getByRole("button", { name: "Repay" }).click();
  await expect(bill.getByLabel("Amount")).toHaveValue("1099.67");
  await bill.getByLabel("Card number").fill("4242 4242 4242 4242");
  await bill.getByRole("button", { name: "Confirm payment" }).click();

  await expect(status(page).first()).toContainText("Payment of ¥1,099.67 received");
  await expect(bill.getByRole("row").nth(1)).toContainText("Paid");
  await expect(bill.getByRole("row").nth(2)).toContainText("Upcoming");
  await expect(page.getByRole("group", { name: "Available credit" })).toContainText("¥7,800.67");
  await page.goto("/account");
  await expect(page.getByRole("group", { name: "Available credit" })).toContainText("¥7,800.67");
  await expect(page.getByRole("group", { name: "Credit score" })).toContainText("765");
  await expect(page.getByRole("link", { name: "Notifications (1)" })).toBeVisible();
});

test("dave pays his overdue bill, late fee included, and pay later is enabled again", { tag: "@engines" }, async ({ page }) => {
  await signIn(page, "dave@example.com");
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Suspended");
  await page.goto("/account/bills");
  const bill = openBill(page, "HF-1005");
  await expect(bill).toContainText("11 days past due");
  await expect(page.getByRole("group", { name: "Owed now" })).toContainText("¥1,314.00");

  await bill.getByRole("button", { name: "Repay" }).click();
  await expect(bill.getByLabel("Amount")).toHaveValue("1314.00");
  await bill.getByLabel("Card number").fill("4000 0000 0000 0002");
  await bill.getByRole("button", { name: "Confirm payment" }).click();
  await expect(alert(page)).toContainText("declined");

  await bill.getByLabel("Card number").fill("4242 4242 4242 4242");
  await bill.getByRole("button", { name: "Confirm payment" }).click();
  await expect(status(page).first()).toContainText("Pay later is enabled again");
  await expect(page.getByText("Nothing to repay")).toBeVisible();
  await expect(page.getByRole("group", { name: "Owed now" })).toContainText("¥0.00");

  await page.goto("/account");
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Enabled");
  await page.getByRole("link", { name: /Notifications \(\d+\)/ }).click();
  await expect(page.getByText("Pay later is back")).toBeVisible();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("link", { name: "Notifications (0)" })).toBeVisible();
});

test("a custom amount above what is owed is refused with an alert", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/bills");
  const bill = openBill(page, "HF-1002");
  await bill.getByRole("button", { name: "Repay" }).click();
  await bill.getByLabel("Amount").fill("3299.01");
  await bill.getByLabel("Card number").fill("4242 4242 4242 4242");
  await bill.getByRole("button", { name: "Confirm payment" }).click();
  await expect(alert(page)).toContainText("more than the ¥3,299.00 owed");
  await expect(page.getByRole("group", { name: "Available credit" })).toContainText("¥6,701.00");

  await bill.getByLabel("Amount").fill("12.345");
  await bill.getByRole("button", { name: "Confirm payment" }).click();
  await expect(alert(page)).toContainText("correct the highlighted fields");
});
