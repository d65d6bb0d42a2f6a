// Issue 16 item 12: the header's notification count follows an action at once, and Chinese dates never break
// across lines on a phone. (The agreement's Chinese title is checked in i18n.spec.ts.)
import { expect, test, type Page } from "@playwright/test";
import { resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

test("repaying adds its notice to the header's count without a reload", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await page.goto("/account/bills");
  await expect(page.getByRole("link", { name: "Notifications (0)" })).toBeVisible();
  const bill = page.getByRole("article", { name: /Order HF-1002/ });
  await bill.getByRole("button", { name: "Repay" }).click();
  await bill.getByLabel("Card number").fill("4242 4242 4242 4242");
  await bill.getByRole("button", { name: "Confirm payment" }).click();
  await expect(status(page).first()).toContainText("Payment of ¥1,099.67 received");
  await expect(page).toHaveURL(/\/account\/bills$/);
  await expect(page.getByRole("link", { name: "Notifications (1)" })).toBeVisible();
});

test("paying an overdue bill in full updates the header at once: the new notices counted, the past-due badge gone", async ({ page }) => {
  await signIn(page, "dave@example.com");
  await page.goto("/account/bills");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Notifications (2)" })).toBeVisible();
  await expect(header.getByText("¥1,314.00 past due")).toBeVisible();
  const bill = page.getByRole("article", { name: /Order HF-1005/ });
  await bill.getByRole("button", { name: "Repay" }).click();
  await bill.getByLabel("Card number").fill("4242 4242 4242 4242");
  await bill.getByRole("button", { name: "Confirm payment" }).click();
  await expect(status(page).first()).toContainText("Pay later is enabled again");
  // The payment and pay later coming back are two new notices.
  await expect(header.getByRole("link", { name: "Notifications (4)" })).toBeVisible();
  await expect(header.getByText("¥1,314.00 past due")).toHaveCount(0);
});

/**
 * Every Chinese date shown in the page's main content ("2026年11月20日", with its time when it has one), and
 * those whose text is laid out on more than one line.
 */
async function chineseDates(page: Page): Promise<{ dates: string[]; broken: string[] }> {
  return page.evaluate(() => {
    const DATE = /\d{4}年\d{1,2}月\d{1,2}日(?:\s\d{1,2}:\d{2})?/g;
    const root = document.querySelector("main") ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const dates: string[] = [];
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(".sr-only")) continue;
      for (const match of (node.textContent ?? "").matchAll(DATE)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0);
        if (boxes.length === 0) continue;
        dates.push(match[0]);
        // One line: every piece of the date shares the first piece's line box.
        if (boxes.some((box) => Math.abs(box.top - boxes[0]!.top) > box.height / 2)) broken.push(match[0]);
      }
    }
    return { dates, broken };
  });
}

test.describe("on a 390 px phone in Chinese", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("no date breaks across lines on the consumer's and the merchant's pages", async ({ page, context }) => {
    const pages: Record<string, string[]> = {
      "dave@example.com": ["/account", "/account/bills", "/account/notifications", "/account/credit"],
      "alice@example.com": ["/account", "/account/bills", "/account/orders", "/account/orders/HF-1002"],
      "shop@example.com": ["/merchant/orders", "/merchant/receivables", "/merchant/collections"],
    };
    let seen = 0;
    for (const [email, paths] of Object.entries(pages)) {
      await signIn(page, email);
      await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(page.url()).origin }]);
      for (const path of paths) {
        // An order's page is reached from the list, by its number.
        const order = /^\/account\/orders\/(HF-\d+)$/.exec(path)?.[1];
        if (order)
          await page
            .getByRole("link", { name: new RegExp(order) })
            .first()
            .click();
        else await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toContainText(order ?? /\S/);
        await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
        const { dates, broken } = await chineseDates(page);
        expect(broken, `${path} as ${email}`).toEqual([]);
        seen += dates.length;
      }
      await context.clearCookies();
    }
    expect(seen).toBeGreaterThan(20);
  });
});
