import { expect, test } from "@playwright/test";
import { alert, resetDemoData, signIn, signInWithForm } from "./support";

test.beforeAll(async ({ request }) => resetDemoData(request));

test("the landing page lists the stores and marks the one offering pay later", async ({ page }) => {
  await page.goto("/");
  const stores = page.getByRole("region", { name: "Stores" });
  const lumen = stores.getByRole("link", { name: /Lumen Electronics/ });
  await expect(lumen).toBeVisible();
  await expect(lumen.getByText("Pay later available")).toBeVisible();
  const tea = stores.getByRole("link", { name: /Cloud Tea House/ });
  await expect(tea).toBeVisible();
  await expect(tea.getByText("Pay later available")).toHaveCount(0);
});

for (const { email, home, heading } of [
  { email: "alice@example.com", home: "/account", heading: "Your account" },
  { email: "shop@example.com", home: "/merchant", heading: "Lumen Electronics" },
  { email: "admin@example.com", home: "/admin", heading: "Platform overview" },
]) {
  test(`${email} signs in and lands in their area`, async ({ page }) => {
    await signInWithForm(page, email);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  });
}

test("the consumer overview shows the score and available credit", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await expect(page.getByRole("group", { name: "Credit score" })).toContainText("760");
  await expect(page.getByRole("group", { name: "Pay later" })).toContainText("Enabled");
});

test("a wrong password is refused with an alert", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert(page)).toContainText("email or password");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("the wrong role is sent away from the merchant and admin areas", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/merchant");
  await expect(page).toHaveURL(/\/account\?denied=1/);
  await page.goto("/admin/policy");
  await expect(page).toHaveURL(/\/account\?denied=1/);
});

test("a merchant cannot open the admin area", async ({ page }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/merchant\?denied=1/);
});

test("signed out, an area page asks to sign in and returns there after", async ({ page }) => {
  await page.goto("/merchant");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fmerchant/);
  await page.getByLabel("Email").fill("shop@example.com");
  await page.getByLabel("Password").fill("houfu-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/merchant");
});

test("sign up creates a consumer at score 600, and sign out ends the session", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Nora Qian");
  await page.getByLabel("Email").fill(`nora+${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("group", { name: "Credit score" })).toContainText("600");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the API refuses another role's procedures", async ({ page }) => {
  await signIn(page, "alice@example.com");
  const response = await page.request.get("/api/trpc/admin.overview");
  expect(response.status()).toBe(403);
});

test("health answers with JSON", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("security headers are set and a foreign origin cannot call a mutation", async ({ request }) => {
  const page = await request.get("/");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const response = await request.post("/api/trpc/account.signUp", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { json: { name: "Eve", email: "eve@example.com", password: "a-long-password" } },
  });
  expect(response.status()).toBe(403);
});

test("repeated wrong passwords lock sign-in for that email with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill("carol@example.com");
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert(page)).toContainText("email or password");
  }
  await page.getByLabel("Password").fill("houfu-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert(page)).toContainText("Too many sign-in attempts");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
