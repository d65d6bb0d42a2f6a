import { expect, test } from "@playwright/test";
import { addToCart, resetDemoData, signIn, status } from "./support";

// A browser far from Shanghai (UTC−8 or −7): every date and time the pages show is still the platform's (Asia/Shanghai),
// whether the server or the browser rendered it.
test.use({ timezoneId: "America/Los_Angeles" });
test.beforeEach(async ({ request }) => resetDemoData(request));

const shanghai = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en", { ...options, timeZone: "Asia/Shanghai" });

test("in a browser in Los Angeles, times and due dates are shown in Shanghai time", async ({ page }) => {
  await signIn(page, "alice@example.com");
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/Los_Angeles");
  expect(await page.evaluate(() => document.documentElement.getAttribute("data-platform-zone"))).toBe("Asia/Shanghai");

  // The checkout preview is a client component: its due date is 30 days after today in Shanghai.
  await addToCart(page, "lumen-electronics", "Volt 65W GaN Charger");
  await page.goto("/checkout");
  await page.getByRole("radio", { name: "Pay later" }).check();
  await page.getByRole("radio", { name: "Pay in 30 days" }).check();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const due = new Date(`${today}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 30);
  const dueText = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(due);
  await expect(page.getByText(`Due ${dueText}`).first()).toBeVisible();

  // A repayment's notification carries the time it was made, shown in Shanghai, not in the browser's zone.
  await page.goto("/account/bills");
  await page.getByRole("button", { name: "Repay" }).first().click();
  await page.getByRole("radio", { name: "A different sum" }).check();
  await page.getByRole("textbox", { name: "Amount" }).fill("1.00");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Confirm payment" }).click();
  await expect(status(page).filter({ hasText: "¥1.00" })).toBeVisible();
  await page.goto("/account/notifications");
  const time = page.locator("main li time").first();
  const at = new Date((await time.getAttribute("datetime"))!);
  const inShanghai = shanghai({ dateStyle: "medium", timeStyle: "short" }).format(at);
  const inLosAngeles = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Los_Angeles" }).format(at);
  expect(inShanghai).not.toBe(inLosAngeles);
  await expect(time).toHaveText(inShanghai);
});
