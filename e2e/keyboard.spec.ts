import { expect, test, type Locator, type Page } from "@playwright/test";
import { PASSWORD, resetDemoData, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

/** Presses Tab (only Tab) until the control has focus, failing if it is never reached. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Never reached ${target} with Tab`);
}

async function keyboardSignIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("alice checks out with Pay later and repays a bill using only the keyboard", async ({ page }) => {
  await keyboardSignIn(page, "alice@example.com");
  await page.goto("/stores/lumen-electronics");
  await tabTo(page, page.getByRole("article", { name: "Halo Smart Speaker" }).getByRole("button", { name: "Add to cart" }));
  await page.keyboard.press("Enter");
  await expect(status(page).filter({ hasText: "Added to your cart" })).toBeVisible();

  await page.goto("/cart");
  await tabTo(page, page.getByRole("link", { name: "Go to checkout" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/checkout");
  await tabTo(page, page.getByLabel("Recipient name"));
  await page.keyboard.type("Alice Wu");
  await tabTo(page, page.getByLabel("Phone"));
  await page.keyboard.type("138 0013 8000");
  await tabTo(page, page.getByLabel("Delivery address"));
  await page.keyboard.type("88 Century Avenue, Pudong, Shanghai 200120");
  // Tab reaches a radio group at its checked radio; the arrow keys move the choice.
  await tabTo(page, page.locator('input[name="paymentMethod"]:checked'));
  const payLater = page.getByRole("radio", { name: "Pay later" });
  for (let i = 0; i < 3 && !(await payLater.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(payLater).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Place order" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Confirm and place order" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/orders\/\d+\?placed=1/);
  await expect(status(page)).toContainText(/Order HF-\d{6}-[0-9A-Z]{5} placed/);

  await page.goto("/account/bills");
  const bill = page.getByRole("article", { name: /Order HF-1002/ });
  await tabTo(page, bill.getByRole("button", { name: "Repay" }));
  await page.keyboard.press("Enter");
  await tabTo(page, bill.getByLabel("Card number"));
  await page.keyboard.type("4242 4242 4242 4242");
  await tabTo(page, bill.getByRole("button", { name: "Confirm payment" }));
  await page.keyboard.press("Enter");
  await expect(status(page).first()).toContainText("Payment of ¥1,099.67 received");
});

test("the agreement dialog keeps focus inside and gives it back when closed", async ({ page }) => {
  await keyboardSignIn(page, "bob@example.com");
  await page.goto("/account/credit");
  const enable = page.getByRole("button", { name: "Enable pay later" });
  await tabTo(page, enable);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(enable).toBeFocused();

  // And enabling works from the keyboard too.
  await page.keyboard.press("Enter");
  await tabTo(page, dialog.getByRole("checkbox", { name: /^I agree/ }));
  await page.keyboard.press("Space");
  await tabTo(page, dialog.getByRole("button", { name: "Confirm" }));
  await page.keyboard.press("Enter");
  await expect(status(page).first()).toContainText("Pay later is enabled.");
});
