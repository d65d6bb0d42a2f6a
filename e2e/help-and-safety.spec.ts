// Issue 16 items 5, 9 and 10: the credit page follows the policy, admin and merchant actions are confirmed and
// explained to the person they affect, and help is a real page whose questions the admin answers.
import { expect, test, type Page } from "@playwright/test";
import { alert, resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

/** Leaves the session without signing it out on the server, so the stored sessions stay usable. */
async function signOut(page: Page) {
  await page.context().clearCookies();
}

test("turning pay later off asks first and says what happens to the open bills", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant/settings");
  const offer = page.getByRole("checkbox", { name: "Offer pay later" });
  await offer.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn pay later off?" });
  await expect(dialog).toContainText(/Your \d+ open pay-later bills \(¥[\d,.]+ still to collect\) keep their schedule/);
  await dialog.getByRole("button", { name: "Keep pay later on" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(offer).toBeChecked();

  await offer.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await dialog.getByRole("button", { name: "Turn off and save" }).click();
  await expect(status(page)).toContainText("Settings saved.");
  await page.reload();
  await expect(offer).not.toBeChecked();
});

test("the refund dialog starts empty", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant/orders?q=HF-1002");
  await page.getByRole("link", { name: "HF-1002" }).click();
  await page.getByRole("button", { name: "Refund" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund order HF-1002" });
  await expect(dialog.getByLabel("Refund amount (¥)")).toHaveValue("");
});

test("forcing a store's pay later off takes a reason the merchant then reads, with the way to support", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/merchants");
  const lumen = page.getByRole("row", { name: /Lumen Electronics/ });
  await lumen.getByRole("button", { name: "Force pay later off at Lumen Electronics" }).click();
  await lumen.getByRole("button", { name: "Confirm" }).click();
  await expect(lumen.getByText("Give a reason: the merchant is shown it.")).toBeVisible();
  await lumen.getByLabel("Reason").fill("Too many disputed deliveries this month");
  await lumen.getByRole("button", { name: "Confirm" }).click();
  await expect(lumen).toContainText("Forced off");
  await signOut(page);

  await signIn(page, "shop@example.com");
  await page.goto("/merchant/settings");
  await expect(page.getByText("Reason: Too many disputed deliveries this month")).toBeVisible();
  await page.getByRole("link", { name: "Contact support" }).click();
  await expect(page).toHaveURL(/\/merchant\/support$/);
  await expect(page.getByRole("heading", { level: 1, name: "Help and support" })).toBeVisible();
});

test("a consumer suspended by an admin reads why, sees no dead Enable button, and is told in notifications", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/consumers?q=alice");
  await page.getByRole("link", { name: /Alice/ }).first().click();
  await page.getByLabel("Why suspend").fill("Card reported stolen");
  await page.getByRole("button", { name: "Suspend pay later" }).click();
  await page.getByRole("button", { name: "Confirm suspension" }).click();
  await expect(status(page).first()).toContainText("Pay later is suspended for");
  await signOut(page);

  await signIn(page, "alice@example.com");
  await page.goto("/account/credit");
  await expect(page.getByText("Reason given by Houfu support: Card reported stolen")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enable pay later" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Contact support" })).toHaveAttribute("href", "/support");
  await page.goto("/account/notifications");
  await expect(page.getByText("Houfu support suspended pay later on your account. Reason: Card reported stolen.")).toBeVisible();
});

test("the credit gauge labels the consumer's own score and the threshold; sign-up quotes the policy", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByText("New accounts start with a credit score of 600, enough for pay later (it needs 600)")).toBeVisible();
  await signIn(page, "bob@example.com");
  await page.goto("/account/credit");
  await expect(page.getByTestId("gauge-you")).toHaveText("You: 640");
  await expect(page.getByTestId("gauge-needs")).toHaveText("▲ needs 600");
  await expect(page.getByText("Enough for pay later, with a starter limit of ¥1,000.00; reach 650 for ¥2,000.00.")).toBeVisible();
});

test("the policy what-if warns when new consumers would start below the minimum", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/policy");
  await page.getByLabel("Starting score").fill("550");
  await expect(page.getByRole("note")).toContainText("New consumers would start at 550, below the 600 pay later needs");
});

test("help: a consumer asks, the admin answers at /admin/support, and the answer arrives in notifications", async ({ page }) => {
  await signIn(page, "bob@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help and support" })).toBeVisible();
  await page.getByText("What does paying late cost?").click();
  await expect(page.getByText("a late fee of ¥15.00 is added once (at most 25% of that instalment)")).toBeVisible();
  await expect(page.getByText("You have not asked anything yet.")).toBeVisible();

  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Choose what your question is about.")).toBeVisible();
  await page.getByLabel("Topic").selectOption({ label: "Fees" });
  await page.getByLabel("Your message").fill("Is there interest on Pay in 3?");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(status(page).filter({ hasText: "Thank you: your message is sent." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your questions" })).toContainText("Is there interest on Pay in 3?");
  await signOut(page);

  await signIn(page, "admin@example.com");
  await page.goto("/admin/support");
  const ticket = page.getByRole("article", { name: /Fees, from Bob Zhang/ });
  await ticket.getByRole("button", { name: "Send answer" }).click();
  await expect(ticket.getByText("Write an answer.")).toBeVisible();
  await ticket.getByLabel("Answer Bob Zhang").fill("No interest, ever: only a late fee if you pay late.");
  await ticket.getByRole("button", { name: "Send answer" }).click();
  await expect(status(page).filter({ hasText: "Answer sent to Bob Zhang." })).toBeVisible();
  await page.goto("/admin/support");
  await expect(page.getByText("No questions are waiting for an answer.")).toBeVisible();
  await signOut(page);

  await signIn(page, "bob@example.com");
  await page.goto("/account/notifications");
  await expect(page.getByText("Houfu support answered: No interest, ever: only a late fee if you pay late.")).toBeVisible();
  await expect(alert(page)).toHaveCount(0);
});
