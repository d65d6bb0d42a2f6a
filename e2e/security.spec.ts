import { expect, test } from "@playwright/test";
import { resetDemoData, signIn } from "./support";

// The penetration test's findings, replayed against the running app.
test.beforeEach(async ({ request }) => resetDemoData(request));

test("after sign-in, a callbackUrl never leaves the site", async ({ page, baseURL }) => {
  await signIn(page, "alice@example.com");
  const own = new URL(baseURL!).host;
  for (const callbackUrl of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "/%2F%2Fevil.example"]) {
    const response = await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    expect(response?.status(), callbackUrl).toBeLessThan(400);
    expect(new URL(page.url()).host, callbackUrl).toBe(own);
    await expect(page).toHaveURL(/\/account$/);
  }
});

test("a callbackUrl with a newline is not a server error", async ({ page, request }) => {
  const signedOut = await request.get("/sign-in?callbackUrl=/%0a/x", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(200);
  await signIn(page, "alice@example.com");
  const response = await page.goto("/sign-in?callbackUrl=/%0a/x");
  expect(response?.status()).toBeLessThan(400);
  await expect(page).toHaveURL(/\/account$/);
});

test("a rotating X-Forwarded-For does not escape the per-address sign-in limit", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const attempt = async (email: string, password: string, forwardedFor: string) => {
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const response = await api.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-for": forwardedFor },
      form: { csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
    return decodeURIComponent(response.headers()["location"] ?? (await response.text()));
  };
  for (let i = 0; i < 20; i++) expect(await attempt(`nobody${i}@example.com`, "guess", `10.0.${i}.1`)).toContain("CredentialsSignin");
  expect(await attempt("carol@example.com", "houfu-demo-2026", "10.0.99.1")).toContain("Too many sign-in attempts");
  await api.dispose();
});
