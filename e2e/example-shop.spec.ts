// Issue 18's example integration, played end to end: the shop in examples/shop runs as its own process on a local
// port, with a webhook endpoint the merchant added under Developers; alice buys the lamp there with Pay later on the
// hosted page; the shop verifies the signed webhooks, captures and refunds part from its back office; alice's bill
// and Lumen's receivables show it.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { resetDemoData, signIn, status } from "./support";

const DEMO_API_KEY = "hk_test_lumenDemo2026Rk7Qm3Xv9Tz2Wp5Ls8Hd4Nc6";
const DEMO_PUBLISHABLE_KEY = "hk_pub_lumenDemo2026Jw4Kp8Zr3Ty6";

test.beforeEach(async ({ request }) => resetDemoData(request));

/** A port nothing listens on now (the shop's address has to be known before its endpoint is added). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `npx tsx examples/shop/server.ts` as a person would (one node process with tsx's loader), until it listens. */
async function startShop(env: Record<string, string>): Promise<{ shop: ChildProcess; output: () => string }> {
  const shop = spawn(process.execPath, ["--import", "tsx", "examples/shop/server.ts"], { env: { ...process.env, ...env }, stdio: "pipe" });
  let output = "";
  shop.stdout!.on("data", (chunk) => (output += chunk));
  shop.stderr!.on("data", (chunk) => (output += chunk));
  await expect.poll(() => output, { timeout: 30_000, message: "the example shop starts" }).toContain("is open at");
  return { shop, output: () => output };
}

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The amount in a receivables figure, in fen. */
async function figureFen(page: Page, label: string): Promise<number> {
  const text = await page.getByRole("group", { name: label, exact: true }).innerText();
  const amount = /¥([\d,]+)\.(\d{2})/.exec(text)!;
  return Number(amount[1]!.replaceAll(",", "")) * 100 + Number(amount[2]);
}

/** Reloads the shop's back office until `check` holds: webhooks arrive every couple of seconds. */
async function untilShopShows(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [1_000] });
}

test("the example shop: pay later on the hosted page, a verified webhook, capture and a partial refund", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const shopUrl = `http://127.0.0.1:${port}`;

  // The merchant adds the shop's webhook endpoint under Developers and copies its signing secret.
  const merchant = await pageAs(browser, "shop@example.com");
  await merchant.goto("/merchant/receivables");
  const outstandingBefore = await figureFen(merchant, "Outstanding");
  await merchant.goto("/merchant/developers");
  await merchant.getByLabel("Endpoint URL").fill(`${shopUrl}/webhooks`);
  await merchant.getByRole("button", { name: "Add endpoint" }).click();
  await expect(status(merchant)).toContainText("Endpoint added.");
  const secret = await merchant.getByRole("textbox", { name: "Signing secret" }).inputValue();

  const { shop, output } = await startShop({
    PORT: String(port),
    HOUFU_URL: baseURL!,
    HOUFU_SECRET_KEY: DEMO_API_KEY,
    HOUFU_PUBLISHABLE_KEY: DEMO_PUBLISHABLE_KEY,
    HOUFU_WEBHOOK_SECRET: secret,
  });
  try {
    // alice (signed in to Houfu) opens the shop's product page: Houfu's script writes the pay-later sentence.
    const alice = await pageAs(browser, "alice@example.com");
    await alice.goto(shopUrl);
    await expect(alice.getByRole("heading", { level: 1, name: "Aurora desk lamp" })).toBeVisible();
    await expect(alice.getByText("or 3 × ¥433.00 with Pay later")).toBeVisible();
    await alice.getByRole("button", { name: "Pay later with Houfu" }).click();

    // The shop made a checkout session and sent her to Houfu's hosted page.
    await expect(alice).toHaveURL(new RegExp(`^${baseURL}/pay/cs_`));
    await expect(alice.getByRole("heading", { level: 1, name: "Pay Lumen Electronics later" })).toBeVisible();
    await expect(alice.getByText("Aurora desk lamp × 1")).toBeVisible();
    await alice.getByRole("radio", { name: "Pay in 3", exact: true }).check();
    await alice.getByRole("button", { name: "Confirm and pay later" }).click();

    await expect(alice).toHaveURL(new RegExp(`^${shopUrl}/success\\?session_id=cs_[\\w-]+&order_id=\\d+$`));
    const thanks = alice.getByRole("status");
    await expect(thanks).toContainText(/Order HF-[\w-]+ is confirmed: ¥1,299\.00 with Houfu pay later/);
    const number = /HF-[\w-]+/.exec(await thanks.innerText())![0];

    // The signed order.authorized webhook reaches the shop and its signature verifies.
    const office = await (await browser.newContext()).newPage();
    await office.goto(`${shopUrl}/orders`);
    const webhooks = office.getByRole("list", { name: "Verified webhooks" });
    await untilShopShows(office, () => expect(webhooks).toContainText("order.authorized evt_"));
    const row = office.getByRole("row", { name: `Order ${number}` });
    await expect(row).toContainText("authorized");
    await expect(row).toContainText("Authorized ¥1,299.00");

    await row.getByRole("button", { name: `Capture ${number}` }).click();
    await expect(office.getByRole("status")).toHaveText(`Captured ${number}.`);
    await expect(row).toContainText("placed");
    await expect(row).toContainText("Captured ¥1,299.00");

    await row.getByRole("textbox", { name: `Refund amount for ${number}` }).fill("300");
    await row.getByRole("button", { name: `Refund part of ${number}` }).click();
    await expect(office.getByRole("status")).toHaveText(`Refunded part of ${number}.`);
    await expect(row).toContainText("Refunded ¥300.00");
    await untilShopShows(office, async () => {
      await expect(webhooks).toContainText("order.captured evt_");
      await expect(webhooks).toContainText("order.refunded evt_");
    });
    // Every delivery verified; each event handled once however often it came.
    await expect(office.getByText("Refused deliveries (bad or stale signature): 0")).toBeVisible();
    await expect(webhooks.getByRole("listitem")).toHaveCount(3);

    // alice's bill: ¥1,299.00 captured in 3, the ¥300.00 refund taken from the last instalment.
    await alice.goto(`${baseURL}/account/bills`);
    const bill = alice.getByRole("article", { name: new RegExp(`Order ${number}`) });
    const rows = bill.getByRole("row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText("¥433.00");
    await expect(rows.nth(2)).toContainText("¥433.00");
    await expect(rows.nth(3)).toContainText("¥133.00");

    // Lumen's receivables count what is still owed: ¥999.00 more outstanding; its order page shows the refund.
    await merchant.goto("/merchant/receivables");
    expect((await figureFen(merchant, "Outstanding")) - outstandingBefore).toBe(99_900);
    await merchant.goto(`/merchant/orders?q=${number}`);
    await merchant.getByRole("link", { name: number }).click();
    await expect(merchant.getByText("Placed · Partly refunded ¥300.00")).toBeVisible();
  } catch (error) {
    console.log(`example shop output:\n${output()}`);
    throw error;
  } finally {
    shop.kill("SIGTERM");
  }
});
