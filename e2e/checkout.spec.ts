import { expect, test, type Page } from "@playwright/test";
import { addToCart, alert, resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

async function fillShipping(page: Page) {
  await page.getByLabel("Recipient name").fill("Alice Wu");
  await page.getByLabel("Phone").fill("138 0013 8000");
  await page.getByLabel("Delivery address").fill("88 Century Avenue, Pudong, Shanghai 200120");
}

test("alice buys with Pay later in 3 and sees the schedule in her orders", { tag: "@engines" }, async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/stores/lumen-electronics");
  const powerBank = page.getByRole("article", { name: "Orbit 10,000 mAh Power Bank" });
  await expect(powerBank.getByText("Out of stock")).toBeVisible();
  await expect(powerBank.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await addToCart(page, "lumen-electronics", "Halo Smart Speaker");

  await page.goto("/cart");
  await expect(page.getByLabel("Cart total")).toHaveText("¥399.00");
  await page.getByRole("link", { name: "Go to checkout" }).click();
  await expect(page).toHaveURL("/checkout");
  await fillShipping(page);
  await page.getByRole("radio", { name: "Pay later" }).check();
  await page.getByRole("radio", { name: "Pay in 3", exact: true }).check();
  const schedule = page.locator("#plan-pay_in_3-schedule");
  await expect(schedule.getByRole("listitem")).toHaveCount(3);
  await expect(schedule).toContainText("¥133.00");
  await page.getByRole("button", { name: "Place order" }).click();

  // Nothing is placed before the review: what is due today, each instalment, the total, the terms, the agreement.
  const review = page.getByRole("region", { name: "Review your pay-later plan" });
  await expect(review.getByRole("heading", { name: "Review your pay-later plan" })).toBeFocused();
  await expect(review).toContainText("Due today¥0.00");
  await expect(review.getByRole("listitem")).toHaveCount(3);
  await expect(review.getByRole("listitem").first()).toContainText(/Instalment 1 of 3, due .+¥133\.00/);
  await expect(review).toContainText("Total to repay¥399.00");
  await expect(review).toContainText("No interest");
  await expect(review).toContainText("after 3 days of grace, a late fee of ¥15.00 per instalment (at most 25% of it)");
  await expect(review).toContainText("You accepted the Houfu Pay Later Agreement (version 1)");
  await expect(page).toHaveURL("/checkout");
  await review.getByRole("button", { name: "Confirm and place order" }).click();

  await expect(page).toHaveURL(/\/account\/orders\/\d+\?placed=1/);
  await expect(status(page)).toContainText(/Order HF-\d{6}-[0-9A-Z]{5} placed/);
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const rows = page.getByRole("table", { name: "Instalment schedule" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("¥133.00");
  await expect(rows.nth(1)).toContainText("Upcoming");

  await page.getByRole("link", { name: "Orders", exact: true }).click();
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toContainText("Pay in 3");
  await expect(row).toContainText("¥399.00");
  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("table", { name: "Instalment schedule" }).getByRole("row")).toHaveCount(4);
});

test("carol sees Pay later disabled because her score is below the threshold", async ({ page }) => {
  await signIn(page, "carol@example.com");
  await addToCart(page, "lumen-electronics", "Nimbus Wireless Mouse");
  await page.goto("/checkout");
  const payLater = page.getByRole("radio", { name: "Pay later" });
  await expect(payLater).toBeDisabled();
  await expect(payLater).toHaveAccessibleDescription(/Your score 520 is below the 600 needed for pay later/);
  await expect(page.getByRole("radio", { name: "Pay now" })).toBeChecked();
});

test("Cloud Tea House never offers pay later", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "cloud-tea-house", "Anxi Tieguanyin Oolong 200g");
  await page.goto("/checkout");
  const payLater = page.getByRole("radio", { name: "Pay later" });
  await expect(payLater).toBeDisabled();
  await expect(page.getByText("Cloud Tea House does not offer pay later")).toBeVisible();
});

test("a declined card shows an alert and places nothing", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "lumen-electronics", "Nimbus Wireless Mouse");
  await page.goto("/checkout");
  await fillShipping(page);
  await page.getByRole("radio", { name: "Pay now" }).check();
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(alert(page)).toContainText("Your card ending 0002 was declined");
  await expect(page).toHaveURL("/checkout");
  await page.goto("/cart");
  await expect(page.getByLabel("Cart total")).toHaveText("¥149.00");
});

test("a cart holds one store: adding from another offers to clear it", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "lumen-electronics", "Nimbus Wireless Mouse");
  await page.goto("/stores/cloud-tea-house");
  const tea = page.getByRole("article", { name: "Bamboo Tea Tray" });
  await tea.getByRole("button", { name: "Add to cart" }).click();
  await expect(alert(page)).toContainText("one store at a time");
  await tea.getByRole("button", { name: "Clear cart and add Bamboo Tea Tray" }).click();
  await expect(status(page).filter({ hasText: "Added to your cart" })).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByText("Bamboo Tea Tray")).toBeVisible();
  await expect(page.getByText("Nimbus Wireless Mouse")).toHaveCount(0);
});

test("a placed order can be cancelled after confirming", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "lumen-electronics", "Volt 65W GaN Charger");
  await page.goto("/checkout");
  await fillShipping(page);
  await page.getByRole("radio", { name: "Pay later" }).check();
  await page.getByRole("radio", { name: "Pay in 30 days" }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByRole("button", { name: "Confirm and place order" }).click();
  await expect(status(page)).toContainText("placed");
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: "Yes, cancel order" }).click();
  await expect(status(page)).toContainText("cancelled");
  await expect(page.getByRole("group", { name: "Status" })).toContainText("Cancelled");
  await expect(page.getByRole("table", { name: "Instalment schedule" })).toContainText("Void");
});

test("bob enables pay later, then buys with Pay in 30 days", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await addToCart(page, "lumen-electronics", "Nimbus Wireless Mouse");
  await page.goto("/checkout");
  await expect(page.getByRole("radio", { name: "Pay later" })).toBeDisabled();
  await expect(page.getByText("Pay later is not enabled on your account yet.")).toBeVisible();
  await page.getByRole("link", { name: "Go to your credit page" }).click();

  await page.getByRole("button", { name: "Enable pay later" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: /^I agree/ }).check();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(status(page).filter({ hasText: "Pay later is enabled." })).toBeVisible();

  await page.goto("/checkout");
  await page.getByLabel("Phone").fill("139 1234 5678");
  await page.getByLabel("Delivery address").fill("1 Nanjing Road East, Huangpu, Shanghai");
  await page.getByRole("radio", { name: "Pay later" }).check();
  await page.getByRole("radio", { name: "Pay in 30 days" }).check();
  await expect(page.locator("#plan-pay_in_30-schedule")).toContainText("¥149.00");
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByRole("button", { name: "Confirm and place order" }).click();
  await expect(status(page)).toContainText(/Order HF-.+ placed/);
  const rows = page.getByRole("table", { name: "Instalment schedule" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("¥149.00");
  await page.goto("/account/credit");
  await expect(page.getByRole("group", { name: "Available credit" })).toContainText("¥851.00");
});

test("the toast library loads only when a toast is shown, and the toast still appears", async ({ page }) => {
  await signIn(page, "alice@example.com");
  const scripts: string[] = [];
  page.on("response", (r) => r.request().resourceType() === "script" && scripts.push(r.url()));
  await page.goto("/stores/lumen-electronics");
  // Sonner's Toaster always renders a live "Notifications" section: none until the first toast.
  const toaster = page.locator("section[aria-live][aria-label^='Notifications']");
  await expect(page.getByRole("heading", { name: "Lumen Electronics" })).toBeVisible();
  // Adding to the cart answers under the button only: one feedback per action, no toast saying the same.
  await page.getByRole("article", { name: "Nimbus Wireless Mouse" }).getByRole("button", { name: "Add to cart" }).click();
  await expect(status(page).filter({ hasText: "Added to your cart" })).toBeVisible();
  await expect(toaster).toHaveCount(0);
  const before = scripts.length;
  // Choosing a language is confirmed by a toast.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("[data-sonner-toast]")).toContainText("已切换为中文。");
  await expect(toaster).toHaveCount(1);
  expect(scripts.length).toBeGreaterThan(before);
});

test("dave cannot miss what is overdue: the red card with Pay, the header badge, the notices, and checkout's way to the bill", async ({ page }) => {
  await signIn(page, "dave@example.com");
  await page.goto("/account");
  const card = page.getByRole("group", { name: "Past due" });
  await expect(card).toContainText("¥1,314.00 is 11 days past due");
  await expect(page.getByRole("link", { name: "¥1,314.00 past due" })).toBeVisible();
  await card.getByRole("link", { name: "Pay ¥1,314.00" }).click();
  await expect(page).toHaveURL("/account/bills");
  await expect(page.getByRole("table").first()).toContainText("11 days past due");

  await page.goto("/account/notifications");
  await expect(page.getByText("Pay later is suspended").first()).toBeVisible();
  await expect(page.getByText("A payment is overdue").first()).toBeVisible();

  await addToCart(page, "lumen-electronics", "Nimbus Wireless Mouse");
  await page.goto("/checkout");
  await expect(page.getByRole("radio", { name: "Pay later" })).toBeDisabled();
  await page.getByRole("link", { name: "Repay on your bills page" }).click();
  await expect(page).toHaveURL("/account/bills");
});

test("the store and the cart say what pay later in 3 would cost", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/stores/lumen-electronics");
  await expect(page.getByRole("article", { name: "Aurora Noise-Cancelling Headphones" })).toContainText("or 3 × ¥433.00 with Pay later");
  await page.goto("/stores/cloud-tea-house");
  await expect(page.getByText(/with Pay later/)).toHaveCount(0);
  await addToCart(page, "lumen-electronics", "Halo Smart Speaker");
  await page.goto("/cart");
  await expect(page.getByText("or 3 × ¥133.00 with Pay later")).toBeVisible();
});
