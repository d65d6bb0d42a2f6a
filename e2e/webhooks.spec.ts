import http from "node:http";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { verifyWebhookSignature } from "../lib/webhook-signature";
import { resetDemoData, signIn, status } from "./support";

const SHOTS = process.env.SHOTS_DIR;
/** The local receiver's port (this branch's tests use 3450–3499). */
const RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? 3450);
const DEMO_PUBLISHABLE_KEY = "hk_pub_lumenDemo2026Jw4Kp8Zr3Ty6";

type Received = { body: string; signature: string; eventId: string };

/** axe's serious and critical findings on the page as it stands (a toast fading in or out is not judged mid-fade). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 4)
          .join(", ")}`,
    );
}

test.beforeEach(async ({ request }) => resetDemoData(request));

test("a merchant adds a webhook endpoint, sees its secret once, sends a test event and finds it delivered in the log", async ({ page }) => {
  // A long journey (two axe runs, two deliveries, two languages) on a shared machine.
  test.setTimeout(180_000);
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["houfu-signature"]), eventId: String(req.headers["houfu-event-id"]) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(RECEIVER_PORT, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${RECEIVER_PORT}/houfu/webhooks`;
  try {
    await signIn(page, "shop@example.com");
    await page.goto("/merchant/developers");
    const endpoints = page.getByRole("region", { name: "Your endpoints" });
    await expect(page.getByText("No endpoints yet")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("checkbox", { name: "instalment.past_due" }).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(status(page)).toContainText("Endpoint added.");
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    const row = endpoints.getByRole("row", { name: new RegExp(url) });
    await expect(row).toContainText("Enabled");
    await expect(row).not.toContainText("instalment.past_due");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-added-1280.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Shown once: after a reload only its first characters are there.
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(row).toContainText(secret.slice(0, 10));

    await row.getByRole("link", { name: `Delivery log: ${url}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
    await expect(page.getByText("No deliveries yet")).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    const log = page.getByRole("region", { name: "Delivery log" });
    const delivery = log.getByRole("row", { name: /ping/ });
    await expect(delivery).toContainText("Delivered", { timeout: 15_000 });
    await expect(delivery).toContainText("HTTP 200");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-log-1280.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    expect(received).toHaveLength(1);
    const event = JSON.parse(received[0]!.body);
    expect(event).toMatchObject({ type: "ping", object: "event" });
    expect(received[0]!.eventId).toBe(event.id);
    expect(verifyWebhookSignature({ secret, header: received[0]!.signature, rawBody: received[0]!.body }).ok).toBe(true);

    await delivery.getByRole("button", { name: /Redeliver/ }).click();
    await expect(log.getByRole("row", { name: /ping/ })).toHaveCount(2);
    await expect(log.getByRole("row", { name: /ping/ }).first()).toContainText("Delivered", { timeout: 15_000 });
    expect(received.map((r) => JSON.parse(r.body).id)).toEqual([event.id, event.id]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-log-390.png`, fullPage: true });
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "投递日志" })).toBeVisible();
    await expect(page.getByText("已送达").first()).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-log-zh-390.png`, fullPage: true });

    // Delete, confirmed: Go back keeps it.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/merchant/developers");
    await row.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this endpoint?" });
    await dialog.getByRole("button", { name: "Go back" }).click();
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page.getByText("No endpoints yet")).toBeVisible();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("the embeddable script writes the pay-later sentence into a shop's own page", async ({ page, baseURL }) => {
  // The shop's page, served from another origin (a local port of this branch's range).
  const shopPage = `<!doctype html><html lang="en"><body>
    <p id="en" data-houfu-messaging data-amount-fen="129900"></p>
    <p id="zh" data-houfu-messaging data-amount-fen="129900" data-locale="zh-CN"></p>
    <script src="${baseURL}/api/v1/messaging.js" data-key="${DEMO_PUBLISHABLE_KEY}" async></script></body></html>`;
  const shop = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(shopPage));
  await new Promise<void>((resolve) => shop.listen(RECEIVER_PORT + 1, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${RECEIVER_PORT + 1}/`);
    await expect(page.locator("#en")).toHaveText("or 3 × ¥433.00 with Pay later");
    await expect(page.locator("#zh")).toHaveText("或先享后付 3 × ¥433.00");
    await expect(page.locator("#en")).toHaveAttribute("data-houfu-eligible", "true");
  } finally {
    await new Promise<void>((resolve) => shop.close(() => resolve()));
  }
});
