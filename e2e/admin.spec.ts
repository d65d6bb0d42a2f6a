import { expect, test, type Page } from "@playwright/test";
import { alert, resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("admin raises the threshold and lifts carol; bob and carol see the effect, the audit log shows both", async ({ page }) => {
  await test.step("the admin raises the minimum score to 650 and the what-if names bob", async () => {
    await signIn(page, "admin@example.com");
    await page.goto("/admin/policy");
    await page.getByLabel("Minimum score").fill("650");
    // The lowest band follows the minimum score: 600–649 no longer applies, 650 starts the first band.
    await expect(page.getByLabel("Band 1 from")).toHaveText("650");
    const whatIf = page.getByRole("region", { name: "What-if" });
    const losing = whatIf.getByRole("list", { name: "Would lose eligibility" });
    await expect(losing).toContainText("Bob Zhang");
    await expect(losing).toContainText("score 640");
    await expect(whatIf).toContainText("Minimum score: 600 → 650");

    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Say why the policy changes.")).toBeVisible();
    await page.getByLabel("Note").fill("Tighten the threshold after Q3 losses");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByRole("button", { name: "Confirm and save" }).click();
    await expect(status(page).filter({ hasText: "policy version 2 is in force" })).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("Version 2");
    await expect(history).toContainText("by Houfu Admin");
    await expect(history.getByRole("row", { name: /Minimum score/ })).toContainText("600");
    await expect(history.getByRole("row", { name: /Minimum score/ })).toContainText("650");
  });

  await test.step("the admin adjusts carol's score to 700 with a reason", async () => {
    await page.goto("/admin/consumers");
    await page.getByLabel("Search consumers").fill("carol");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Carol Huang" }).click();
    await expect(page.getByRole("group", { name: "Credit score" })).toContainText("520");
    await page.getByLabel("New score").fill("700");
    await page.getByRole("button", { name: "Adjust score" }).click();
    await expect(page.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Reason").fill("Verified income statement");
    await page.getByRole("button", { name: "Adjust score" }).click();
    await expect(page.getByRole("group", { name: "Confirm" })).toContainText("from 520 to 700");
    await page.getByRole("button", { name: "Confirm adjustment" }).click();
    await expect(status(page).filter({ hasText: "Carol Huang's score is now 700 (+180)." })).toBeVisible();
    await expect(page.getByRole("group", { name: "Credit score" })).toContainText("700");
    await expect(page.getByRole("table").first()).toContainText("Verified income statement");
  });

  await test.step("the audit log shows both", async () => {
    await page.goto("/admin/audit");
    const rows = page.getByRole("table", { name: /Audit log entries/ }).getByRole("row");
    await expect(rows.filter({ hasText: "policy.update" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "consumer.adjust_score" })).toContainText("Verified income statement");
    await page.getByLabel("Action").selectOption("policy.update");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows.filter({ hasText: "consumer.adjust_score" })).toHaveCount(0);
    await expect(rows.filter({ hasText: "policy.update" })).toHaveCount(1);
    await signOut(page);
  });

  await test.step("bob can no longer enable pay later", async () => {
    await signIn(page, "bob@example.com");
    await page.goto("/account/credit");
    await expect(page.getByText("Your score 640 is below the 650 needed to enable pay later.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Enable pay later" })).toBeDisabled();
    await signOut(page);
  });

  await test.step("carol now can", async () => {
    await signIn(page, "carol@example.com");
    await page.goto("/account/credit");
    await expect(page.getByText("Your score 700 meets the 650 needed")).toBeVisible();
    await page.getByRole("button", { name: "Enable pay later" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("checkbox", { name: /^I agree/ }).check();
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Enabled");
    await expect(page.getByRole("group", { name: "Credit limit" })).toContainText("¥5,000.00");
  });
});

test("an invalid policy cannot be saved and says which field is wrong", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/policy");
  await page.getByLabel("Band 2 to").fill("640");
  await page.getByLabel("Late fee cap (% of the instalment)").fill("120");
  await page.getByLabel("Note").fill("Broken on purpose");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(alert(page)).toContainText("Please correct the highlighted fields.");
  await expect(page.getByLabel("Band 2 to")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The cap is at most 100%.").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "What-if" })).toContainText("Fix these to see the effect");
  await expect(page.getByRole("button", { name: "Confirm and save" })).toHaveCount(0);
});

test("the admin forces pay later off at Lumen after confirming, and the store stops offering it", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin");
  await expect(page.getByRole("table", { name: "Receivables by store" })).toContainText("Lumen Electronics");

  await page.goto("/admin/merchants");
  const lumen = page.getByRole("row", { name: /Lumen Electronics/ });
  await lumen.getByRole("button", { name: "Force pay later off at Lumen Electronics" }).click();
  await lumen.getByRole("button", { name: "Cancel" }).click();
  await expect(lumen).toContainText("On");
  await lumen.getByRole("button", { name: "Force pay later off at Lumen Electronics" }).click();
  await lumen.getByLabel("Reason").fill("Complaints under review");
  await lumen.getByRole("button", { name: "Confirm" }).click();
  await expect(lumen).toContainText("Forced off");
  await expect(lumen.getByRole("button", { name: "Lift pay-later block at Lumen Electronics" })).toBeVisible();

  await page.goto("/admin/audit?entity=store");
  const entry = page
    .getByRole("table", { name: /Audit log entries/ })
    .getByRole("row")
    .filter({ hasText: "store.force_pay_later_off" });
  await expect(entry).toContainText("Pay later forced off");
  await expect(entry).toContainText(/Reason:\s*Complaints under review/);

  await page.goto("/");
  await expect(
    page
      .getByRole("region", { name: "Stores" })
      .getByRole("link", { name: /Lumen Electronics/ })
      .getByText("Pay later available"),
  ).toHaveCount(0);
});
