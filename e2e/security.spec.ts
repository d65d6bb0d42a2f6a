import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { addToCart, alert, resetDemoData, signIn, signInWithForm, status } from "./support";

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
    return decodeURIComponent(response.headers().location ?? (await response.text()));
  };
  for (let i = 0; i < 20; i++) expect(await attempt(`nobody${i}@example.com`, "guess", `10.0.${i}.1`)).toContain("CredentialsSignin");
  expect(await attempt("carol@example.com", "houfu-demo-2026", "10.0.99.1")).toContain("Too many sign-in attempts");
  await api.dispose();
});

test("a price raised during checkout is refused, and the page shows the new total to confirm", async ({ page, browser }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "lumen-electronics", "Halo Smart Speaker");
  await page.goto("/checkout");
  await page.getByLabel("Recipient name").fill("Alice Wu");
  await page.getByLabel("Phone").fill("138 0013 8000");
  await page.getByLabel("Delivery address").fill("88 Century Avenue, Pudong, Shanghai 200120");
  await page.getByRole("radio", { name: "Pay later" }).check();
  await expect(page.getByText("¥399.00").first()).toBeVisible();

  // Meanwhile the merchant raises the speaker's price.
  const merchant = await (await browser.newContext()).newPage();
  await signIn(merchant, "shop@example.com");
  const list = await (
    await merchant.request.get(`/api/trpc/merchant.products.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 100 } }))}`)
  ).json();
  const speaker = list.result.data.json.items.find((p: { name: string }) => p.name === "Halo Smart Speaker");
  const update = await merchant.request.post("/api/trpc/merchant.products.update", {
    headers: { "content-type": "application/json" },
    data: { json: { productId: speaker.id, name: speaker.name, description: speaker.description, priceFen: 49_900, stock: speaker.stock } },
  });
  expect(update.ok()).toBeTruthy();
  await merchant.context().close();

  // Back to the consumer's page (a background page runs no animation frames, which Playwright's clicks wait for).
  await page.bringToFront();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByRole("button", { name: "Confirm and place order" }).click();
  await expect(alert(page)).toContainText("The total is now ¥499.00");
  await expect(page.getByText("¥499.00").first()).toBeVisible();
  await expect(page).toHaveURL("/checkout");
  // The refusal ends the review: the new total is reviewed before it is confirmed.
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("region", { name: "Review your pay-later plan" })).toContainText("Total to repay¥499.00");
  await page.getByRole("button", { name: "Confirm and place order" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/\d+\?placed=1/);
});

test("a server action posted from another origin is a 403 with a clear message, not a 500", async ({ request }) => {
  for (const path of ["/", "/account", "/merchant/settings"]) {
    const response = await request.post(path, {
      headers: {
        origin: "https://evil.example",
        "next-action": "0123456789abcdef0123456789abcdef01234567",
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(403);
    expect(await response.text()).toContain("Cross-origin requests are not allowed");
  }
});

test("a spoofed X-Forwarded-Host does not make a foreign Origin look like ours", async ({ request }) => {
  const response = await request.post("/api/trpc/account.signUp", {
    headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", "content-type": "application/json" },
    data: { json: { name: "Eve", email: "eve@example.com", password: "a-long-password" } },
  });
  expect(response.status()).toBe(403);
});

test("/api/trpc refuses big bodies, long batches and multipart forms", async ({ request }) => {
  const json = { "content-type": "application/json" };
  const big = await request.post("/api/trpc/account.signUp", { headers: json, data: JSON.stringify({ json: { name: "x".repeat(200_000) } }) });
  expect(big.status()).toBe(413);
  const eleven = Array.from({ length: 11 }, () => "health.ping").join(",");
  const batch = await request.get(`/api/trpc/${eleven}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`);
  expect(batch.status()).toBe(400);
  const ten = Array.from({ length: 10 }, () => "health.ping").join(",");
  expect((await request.get(`/api/trpc/${ten}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`)).status()).toBe(200);
  const multipart = await request.post("/api/trpc/account.signUp", { multipart: { name: "Eve" } });
  expect(multipart.status()).toBe(415);
  const form = await request.post("/api/trpc/account.signUp", { form: { name: "Eve" } });
  expect(form.status()).toBe(415);
});

test("every page response carries a fresh script nonce and no 'unsafe-inline' for scripts", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/sign-in");
    const policy = response.headers()["content-security-policy"] ?? "";
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce, policy).toBeTruthy();
    nonces.push(nonce!);
    // Next's own scripts in the page carry that same nonce.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("a script injected into a page does not run, while the page's own scripts do", async ({ page }) => {
  await signIn(page, "alice@example.com");
  // The store page as an attacker would have it if some text slipped through unescaped: an inline script and a handler.
  await page.route("**/stores/lumen-electronics", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__injected = "script"</script><img alt="" src="/nothing.png" onerror="window.__injected = 'handler'"></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(d: string): void }).reportViolation(event.effectiveDirective),
    ),
  );
  await page.goto("/stores/lumen-electronics");
  await page.getByRole("article", { name: "Halo Smart Speaker" }).getByRole("button", { name: "Add to cart" }).click();
  await expect(status(page).filter({ hasText: "Added to your cart" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(violations.filter((d) => d.startsWith("script-src")).length).toBeGreaterThanOrEqual(2);
});

/** The session cookie of a signed-in page, as a thief would copy it into a tool of their own. */
async function copySessionCookie(page: Page, playwright: { request: { newContext(options: object): Promise<APIRequestContext> } }, baseURL: string) {
  const session = (await page.context().cookies()).find((cookie) => /next-auth\.session-token/.test(cookie.name));
  expect(session, "a session cookie").toBeTruthy();
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
}

test("a copied session cookie stops working for procedures and pages once that session signs out", async ({ page, playwright, baseURL }) => {
  await signInWithForm(page, "alice@example.com");
  const thief = await copySessionCookie(page, playwright, baseURL!);
  expect((await thief.get("/api/trpc/credit.summary")).status()).toBe(200);
  const before = await thief.get("/account");
  expect(new URL(before.url()).pathname).toBe("/account");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect((await thief.get("/api/trpc/credit.summary")).status()).toBe(401);
  const after = await thief.get("/account");
  expect(new URL(after.url()).pathname).toBe("/sign-in");
  expect(await after.text()).not.toContain("Alice");
  // next-auth's own session endpoint knows nothing of it either.
  expect(await (await thief.get("/api/auth/session")).json()).toEqual({});
  await thief.dispose();
});

test("End all sessions (sign out everywhere) asks first, then ends every session of the account", async ({ page, browser, playwright, baseURL }) => {
  const otherDevice = await (await browser.newContext()).newPage();
  await signInWithForm(otherDevice, "alice@example.com");
  await signInWithForm(page, "alice@example.com");
  const thief = await copySessionCookie(page, playwright, baseURL!);

  await page.goto("/account");
  await page.getByRole("button", { name: "End all sessions" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out on every device?" });
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toBeHidden();
  expect((await thief.get("/api/trpc/credit.summary")).status()).toBe(200);

  await page.getByRole("button", { name: "End all sessions" }).click();
  await dialog.getByRole("button", { name: "End all sessions" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=everywhere/);
  await expect(status(page)).toContainText("You are signed out on every device");

  await otherDevice.goto("/account");
  await expect(otherDevice).toHaveURL(/\/sign-in/);
  expect((await thief.get("/api/trpc/credit.summary")).status()).toBe(401);
  await thief.dispose();
  await otherDevice.context().close();
  // Signing in again works.
  await signInWithForm(page, "alice@example.com");
  await resetDemoData(page.request);
});

test("over plain http the session cookie is HttpOnly and SameSite=Lax but not Secure, and signing in works", async ({ page }) => {
  await signInWithForm(page, "bob@example.com");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
});
