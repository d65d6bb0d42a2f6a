// Issue 18: a shop creates a checkout session through the merchant API (here with fetch, as the shop's server
// would), alice completes the hosted page in the browser, the shop captures through the API, and alice's bill shows
// the instalments.
import { expect, test } from "@playwright/test";
import { PASSWORD, resetDemoData } from "./support";

const DEMO_API_KEY = "hk_test_lumenDemo2026Rk7Qm3Xv9Tz2Wp5Ls8Hd4Nc6";
const SHOTS = process.env.SHOTS_DIR;
const SHOP = "https://shop.example.test";

test.beforeEach(async ({ request }) => resetDemoData(request));

async function api(baseURL: string, method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${DEMO_API_KEY}`,
      "content-type": "application/json",
      ...(method === "POST" ? { "idempotency-key": `e2e-${crypto.randomUUID()}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test("a shop's checkout session: alice signs in on the hosted page and confirms, the shop captures, her bill starts", async ({ page, baseURL }) => {
  // Signs in through the form and walks four pages: near the 60 s default on a busy shared machine (59.6 s seen).
  test.setTimeout(120_000);
  // The shop's own pages, where the hosted page sends the shopper back.
  await page.route(`${SHOP}/**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Shop</title><h1>Thank you</h1>" }),
  );

  const created = await api(baseURL!, "POST", "/checkout-sessions", {
    amountFen: 45_000,
    merchantReference: "SHOP-7731",
    items: [
      { name: "Noise-cancelling headphones", quantity: 1, unitPriceFen: 39_900 },
      { name: "Carry case", quantity: 2, unitPriceFen: 2_550 },
    ],
    successUrl: `${SHOP}/thanks`,
    cancelUrl: `${SHOP}/cart`,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const session = created.body as { id: string; url: string; status: string };
  expect(session.status).toBe("open");
  expect(session.url).toBe(`${baseURL}/pay/${session.id}`);

  // Signed out: the page shows what is bought and asks to sign in, then comes back.
  await page.goto(session.url);
  await expect(page.getByRole("heading", { level: 1, name: "Pay Lumen Electronics later" })).toBeVisible();
  await expect(page.getByText("Noise-cancelling headphones × 1")).toBeVisible();
  await expect(page.getByText("¥450.00")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/pay/${session.id}$`));

  await expect(page.getByText(/You can pay later\. Available credit: ¥/)).toBeVisible();
  await page.getByRole("radio", { name: "Pay in 3", exact: true }).check();
  await expect(page.getByText("3 payments of about ¥150.00, every 30 days from when the store ships")).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pay-1280.png`, fullPage: true });
  await page.getByRole("button", { name: "Confirm and pay later" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SHOP}/thanks\\?session_id=${session.id}&order_id=\\d+$`));
  const orderId = new URL(page.url()).searchParams.get("order_id")!;

  const completed = await api(baseURL!, "GET", `/checkout-sessions/${session.id}`);
  expect(completed.body).toMatchObject({ status: "completed", orderId: Number(orderId) });
  const authorized = await api(baseURL!, "GET", `/orders/${orderId}`);
  expect(authorized.body).toMatchObject({ status: "authorized", amountFen: 45_000, authorizedFen: 45_000 });

  // Before capture alice sees the order awaiting capture and no bill for it.
  await page.goto(`/account/orders/${orderId}`);
  await expect(page.getByText(/Awaiting Lumen Electronics's capture: nothing is billed yet/)).toBeVisible();
  await expect(page.getByText("Authorized, awaiting capture")).toBeVisible();
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).match(/HF-[\w-]+/)![0];
  await page.goto("/account/bills");
  await expect(page.getByRole("heading", { name: new RegExp(number) })).toHaveCount(0);

  // The shop ships part and captures ¥420.00; the rest is released.
  const captured = await api(baseURL!, "POST", `/orders/${orderId}/capture`, { amountFen: 42_000 });
  expect(captured.status, JSON.stringify(captured.body)).toBe(200);
  expect(captured.body).toMatchObject({ status: "placed", amountFen: 42_000, authorizedFen: 45_000 });

  await page.reload();
  const bill = page.getByRole("article", { name: new RegExp(`Order ${number}`) });
  await expect(bill).toBeVisible();
  const rows = bill.getByRole("row");
  await expect(rows).toHaveCount(4);
  for (const row of [1, 2, 3]) await expect(rows.nth(row)).toContainText("¥140.00");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pay-bill-1280.png`, fullPage: true });
});

test("the hosted page on a phone, in Chinese, gives checkout's reason, and Cancel closes the session and goes back to the shop", async ({
  page,
  baseURL,
}) => {
  await page.route(`${SHOP}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Shop</title><h1>Cart</h1>" }));
  await page.setViewportSize({ width: 390, height: 844 });
  const created = await api(baseURL!, "POST", "/checkout-sessions", {
    amountFen: 12_000,
    merchantReference: "SHOP-8800",
    items: [{ name: "USB-C cable", quantity: 3, unitPriceFen: 4_000 }],
    successUrl: `${SHOP}/thanks`,
    cancelUrl: `${SHOP}/cart`,
  });
  const session = created.body as { id: string; url: string };
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("bob@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.goto(session.url);
  await expect(page.getByRole("heading", { level: 1, name: "先享后付：Lumen Electronics" })).toBeVisible();
  // Bob has not enabled pay later: the same reason checkout gives, with the way to his credit page.
  await expect(page.getByRole("alert").filter({ hasText: "暂不能使用先享后付" })).toBeVisible();
  await expect(page.getByRole("link", { name: "前往信用页面" })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pay-zh-390.png`, fullPage: true });
  await page.getByRole("button", { name: "取消" }).click();
  await expect(page).toHaveURL(`${SHOP}/cart`);

  // Cancel closed the session: the shop reads it cancelled, and the page reopened says it is closed.
  const closed = await api(baseURL!, "GET", `/checkout-sessions/${session.id}`);
  expect(closed.body).toMatchObject({ status: "cancelled", orderId: null });
  await page.goto(session.url);
  await expect(page.getByText("此付款页面已取消，请回到Lumen Electronics重新结账。")).toBeVisible();
  await expect(page.getByRole("button", { name: "取消" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "返回Lumen Electronics" })).toBeVisible();
});
