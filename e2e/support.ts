import { expect, type Page, type APIRequestContext } from "@playwright/test";

export const PASSWORD = "houfu-demo-2026";

/** Puts the demo data back as `npm run db:seed` makes it. */
export async function resetDemoData(request: APIRequestContext) {
  const response = await request.post("/api/test/reset");
  expect(response.ok()).toBeTruthy();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The sign-in page then sends each role home; wait for that navigation so it cannot cancel the test's next one.
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The app's alerts (Next's empty route announcer also has role alert, so it is left out). */
export function alert(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}

/** The app's status messages. */
export function status(page: Page) {
  return page.getByRole("status").filter({ hasText: /\S/ });
}

/** Adds one unit of a product to the signed-in consumer's cart from its store page. */
export async function addToCart(page: Page, storeSlug: string, productName: string) {
  await page.goto(`/stores/${storeSlug}`);
  await page.getByRole("article", { name: productName }).getByRole("button", { name: "Add to cart" }).click();
  await expect(status(page).filter({ hasText: "Added to your cart" })).toBeVisible();
}
