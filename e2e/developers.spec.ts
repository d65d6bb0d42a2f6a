import { expect, test } from "@playwright/test";
import { resetDemoData, signIn, status } from "./support";

const DEMO_API_KEY = "hk_test_lumenDemo2026Rk7Qm3Xv9Tz2Wp5Ls8Hd4Nc6";
const SHOTS = process.env.SHOTS_DIR;

test.beforeEach(async ({ request }) => resetDemoData(request));

test("a merchant creates a secret key, sees it once, uses it on the API and revokes it", async ({ page, request }) => {
  await signIn(page, "shop@example.com");
  await page.goto("/merchant");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Developers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Developers" })).toBeVisible();
  const keys = page.getByRole("table", { name: "Your keys" });
  await expect(keys).toContainText("Demo test key");
  await expect(page.getByText(DEMO_API_KEY)).toHaveCount(0);

  await page.getByLabel("Key name").fill("Storefront server");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(status(page)).toContainText("Key “Storefront server” created.");
  const secret = await page.getByRole("textbox", { name: "Secret key", exact: true }).inputValue();
  expect(secret).toMatch(/^hk_test_[A-Za-z0-9_-]{43}$/);
  await expect(keys.getByRole("row", { name: /Storefront server/ })).toContainText("Never");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/developers-created-1280.png`, fullPage: true });

  const used = await request.get("/api/v1/orders?limit=1", { headers: { authorization: `Bearer ${secret}` } });
  expect(used.status()).toBe(200);

  // Shown once: a reload shows only its prefix.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Secret key", exact: true })).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = keys.getByRole("row", { name: /Storefront server/ });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke key “Storefront server”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toBeHidden();
  expect((await request.get("/api/v1/orders?limit=1", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/api/v1/orders?limit=1", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect((await refused.json()).code).toBe("UNAUTHENTICATED");
});

test("the Developers page fits a phone and reads in Chinese", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "shop@example.com");
  await page.goto("/merchant/developers");
  await expect(page.getByRole("table", { name: "Your keys" })).toContainText("Demo test key");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/developers-390.png`, fullPage: true });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "开发者" })).toBeVisible();
  await expect(page.getByRole("button", { name: "创建密钥" })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/developers-zh-390.png`, fullPage: true });
});

test("the API reference and OpenAPI document are public", async ({ request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
  const reference = await request.get("/api/v1/reference");
  expect(await reference.text()).toContain("POST /api/v1/orders/{id}/refunds");
});
