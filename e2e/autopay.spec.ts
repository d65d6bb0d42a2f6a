import { expect, test, type Page } from "@playwright/test";
import { dayAfter, runJobs } from "./jobs";
import { resetDemoData, signIn, status } from "./support";

// Each journey runs the jobs from the command line several times (a process start each).
test.describe.configure({ timeout: 240_000 });
test.beforeEach(async ({ request }) => resetDemoData(request));

/** Saves the card on the autopay page and switches autopay on (English labels). */
async function turnOnAutopay(page: Page, cardNumber: string, last4: string) {
  await page.goto("/account/bills");
  await expect(page.getByTestId("autopay-summary")).toHaveText("Autopay off");
  await page.getByRole("link", { name: "Set up autopay" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Autopay" })).toBeVisible();
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(
    status(page)
      .filter({ hasText: `Card ending ${last4} saved.` })
      .first(),
  ).toBeVisible();
  await page.getByRole("switch", { name: "Autopay" }).click();
  await expect(page.getByRole("switch", { name: "Autopay" })).toHaveAttribute("aria-checked", "true");
  await expect(status(page).filter({ hasText: "Autopay is on" }).first()).toBeVisible();
}

test("alice turns autopay on and the jobs charge her instalment once, on its due date @engines", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await turnOnAutopay(page, "4242 4242 4242 4242", "4242");
  await page.getByRole("link", { name: "Back to bills" }).click();
  const summary = page.getByTestId("autopay-summary");
  await expect(summary).toHaveText(/^Autopay on · card …4242 · next charge [A-Z][a-z]{2} \d{1,2}, \d{4}, ¥1,099\.67$/);
  const due = (await summary.locator("time").getAttribute("datetime"))!;

  runJobs(dayAfter(due, -3));
  await page.goto("/account/notifications");
  await expect(page.getByText(/Autopay will charge ¥1,099\.67 to your card ending 4242 on/)).toBeVisible();

  // Twice on the due date and once the day after: one charge.
  expect(runJobs(due)).toContain("autopay: 1 charged (¥1,099.67)");
  expect(runJobs(due)).toContain("autopay: 0 charged");
  runJobs(dayAfter(due));
  await page.reload();
  await expect(page.getByText("We received your payment of ¥1,099.67. Thank you.")).toHaveCount(1);

  await page.goto("/account/bills");
  const firstRow = page.getByRole("row").filter({ hasText: "¥1,099.67" }).first();
  await expect(firstRow).toContainText("Paid");
  // The next charge is the second instalment, a month on.
  await expect(summary.locator("time")).not.toHaveAttribute("datetime", due);
  await expect(summary).toContainText("Autopay on · card …4242 · next charge");

  // Turning it off takes effect at once: the second due date passes without a charge.
  const second = (await summary.locator("time").getAttribute("datetime"))!;
  await page.getByRole("link", { name: "Manage autopay" }).click();
  await page.getByRole("switch", { name: "Autopay" }).click();
  await expect(page.getByRole("switch", { name: "Autopay" })).toHaveAttribute("aria-checked", "false");
  await expect(status(page).filter({ hasText: "Autopay is off." }).first()).toBeVisible();
  expect(runJobs(second)).toContain("autopay: 0 charged");
  await page.goto("/account/bills");
  await expect(summary).toHaveText("Autopay off");
});

test("alice's declined card is retried the next day, three times, then autopay stops and says so, in Chinese", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await turnOnAutopay(page, "4000 0000 0000 0002", "0002");
  await page.goto("/account/bills");
  const due = (await page.getByTestId("autopay-summary").locator("time").getAttribute("datetime"))!;
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("autopay-summary")).toContainText("自动还款已开启 · 银行卡 …0002 · 下次扣款");

  expect(runJobs(due)).toContain("autopay: 0 charged (¥0.00), 1 declined");
  await page.goto("/account/notifications");
  await expect(page.getByRole("listitem").filter({ hasText: "自动还款扣款失败" })).toHaveCount(1);
  await expect(page.getByText(/自动还款将于明天重试/)).toBeVisible();

  expect(runJobs(dayAfter(due, 1))).toContain("1 declined");
  expect(runJobs(dayAfter(due, 2))).toContain("1 declined");
  expect(runJobs(dayAfter(due, 3))).toContain("autopay: 0 charged (¥0.00), 0 declined");
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "自动还款扣款失败" })).toHaveCount(2);
  await expect(page.getByRole("listitem").filter({ hasText: "自动还款已停止本期扣款" })).toHaveCount(1);

  await page.goto("/account/autopay");
  await expect(page.getByRole("heading", { level: 1, name: "自动还款" })).toBeVisible();
  await expect(page.getByText(/每次扣款均被拒绝，自动还款已停止尝试/)).toBeVisible();
  await page.getByRole("button", { name: "删除银行卡" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("自动还款将立即关闭");
  await dialog.getByRole("button", { name: "删除银行卡" }).click();
  await expect(status(page).filter({ hasText: "银行卡已删除，自动还款已关闭。" }).first()).toBeVisible();
  await expect(page.getByLabel("卡号")).toBeVisible();
});
