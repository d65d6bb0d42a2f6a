import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Typed into before hydration, a score showed in the field while the form's state (the bands, the what-if)
// stayed at the old value: the editor's controls wait for the page's script.
test("the policy editor takes no typing until its script runs, then follows what is typed", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.route(/\/_next\/static\/chunks\//, (route) => route.abort());
  await page.goto("/admin/policy");
  await expect(page.getByLabel("Minimum score")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save policy" })).toBeDisabled();

  await page.unroute(/\/_next\/static\/chunks\//);
  await page.goto("/admin/policy");
  await page.getByLabel("Minimum score").fill("650");
  await expect(page.getByLabel("Band 1 from")).toHaveText("650");
});
