import fs from "node:fs/promises";
import path from "node:path";
import { expect, type Page, type APIRequestContext } from "@playwright/test";

export const PASSWORD = "houfu-demo-2026";

/** The seeded accounts the journeys sign in as; auth.setup.ts signs each in once and keeps its session. */
export const SEEDED_ACCOUNTS = ["alice", "bob", "carol", "dave", "shop", "tea", "admin"].map((name) => `${name}@example.com`);

// One folder per engine, so the SQLite and PostgreSQL runs never read each other's half-written files (gitignored).
const SESSIONS = path.join("e2e", ".auth", process.env.E2E_ENGINE === "pg" ? "pg" : "sqlite");

export function sessionFile(email: string): string {
  return path.join(SESSIONS, `${email}.json`);
}

/** Puts the demo data back as `npm run db:seed` makes it. */
export async function resetDemoData(request: APIRequestContext) {
  const response = await request.post("/api/test/reset");
  expect(response.ok()).toBeTruthy();
}

/**
 * Signs in with the session auth.setup.ts stored for this seeded account, ending where the form would: the
 * role's home page. Seeding restarts the ids, so the session still names the same user after a reset.
 */
export async function signIn(page: Page, email: string) {
  const { cookies } = JSON.parse(await fs.readFile(sessionFile(email), "utf8")) as {
    cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0];
  };
  await page.context().addCookies(cookies);
  await page.goto("/sign-in");
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs in through the form, as a person does: for the setup and for the tests of signing in itself. */
export async function signInWithForm(page: Page, email: string, password = PASSWORD) {
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
