import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addToCart, alert, PASSWORD, resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

test("a first visit follows Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "登录后付" })).toBeVisible();
  await context.close();
});

test("bob signs in, enables pay later, checks out with Pay later and repays, all in Chinese", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The switcher keeps the choice in a cookie; the URL stays the same.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(status(page).filter({ hasText: "已切换为中文。" })).toHaveCount(1);
  await expect(page).toHaveURL("/sign-in");
  await page.getByLabel("电子邮箱").fill("bob@example.com");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();

  await page.goto("/account/credit");
  await page.getByRole("button", { name: "开通先享后付" }).click();
  const dialog = page.getByRole("dialog", { name: "后付服务协议（第 1 版）" });
  await expect(dialog).toContainText("商家随您的还款收到货款");
  await dialog.getByRole("checkbox", { name: /^我同意/ }).check();
  await dialog.getByRole("button", { name: "确认开通" }).click();
  await expect(status(page).first()).toContainText("先享后付已开通。");

  await page.goto("/stores/lumen-electronics");
  await page.getByRole("article", { name: "Halo Smart Speaker" }).getByRole("button", { name: "加入购物车" }).click();
  await expect(status(page).filter({ hasText: "已加入购物车" })).toBeVisible();

  await page.goto("/cart");
  await expect(page.getByLabel("购物车合计")).toHaveText("¥399.00");
  await page.getByRole("link", { name: "去结账" }).click();
  await expect(page).toHaveURL("/checkout");
  await page.getByLabel("收货人").fill("Bob Li");
  await page.getByLabel("电话").fill("139 0000 0000");
  await page.getByLabel("详细地址").fill("上海市浦东新区世纪大道 88 号");
  await page.getByRole("radio", { name: "先享后付" }).check();
  await page.getByRole("button", { name: "提交订单" }).click();
  // The review step before credit is taken, in Chinese.
  await expect(page.getByText("今日应付")).toBeVisible();
  await expect(page.getByText("不收利息：您只需还订单金额。")).toBeVisible();
  await page.getByRole("button", { name: "确认并下单" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/\d+\?placed=1/);

  await page.goto("/account/bills");
  await expect(page.getByRole("heading", { level: 1, name: "账单" })).toBeVisible();
  await page.getByRole("button", { name: "还款" }).first().click();
  await page.getByLabel("卡号").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "确认付款" }).click();
  await expect(status(page).first()).toContainText("已收到付款 ¥");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

// Every consumer page in Chinese: the heading is Chinese, the page's own English words never leak (product and store
// names are the merchants' own and stay as they are), and axe still finds nothing serious.
type ZhPage = { path: string | ((page: Page) => Promise<string>); heading: string | RegExp; mustNotShow: string[] };

const HEADER_WORDS = ["Shop", "Cart", "Account", "Credit", "Bills", "Orders", "Sign out", "Sign in", "Create account", "Notifications"];

const SIGNED_OUT: ZhPage[] = [
  {
    path: "/",
    heading: "先收货，后付款。",
    mustNotShow: ["Receive first", "Stores", "Featured", "Pay later available", " products", "in stock", "Add to cart"],
  },
  {
    path: "/stores/lumen-electronics",
    heading: "Lumen Electronics",
    mustNotShow: ["Pay later available", "on orders", "Add to cart", "in stock", "Out of stock", "Unavailable"],
  },
  { path: "/sign-in", heading: "登录后付", mustNotShow: ["Email", "Password", "Sign in", "New to Houfu", "Create an account"] },
  {
    path: "/sign-up",
    heading: "注册后付账户",
    mustNotShow: ["Create your", "Name", "Email", "Password", "At least 10", "New accounts", "Create account"],
  },
  { path: "/no-such-page", heading: "页面不存在", mustNotShow: ["Page not found", "Back to the shop", "404"] },
];

const ALICE: ZhPage[] = [
  {
    path: "/cart",
    heading: "购物车",
    mustNotShow: ["Your cart", " each", "Keep shopping", "Clear cart", "Go to checkout", "Remove", "A cart holds", "item"],
  },
  {
    path: "/checkout",
    heading: "结账",
    mustNotShow: [
      "Checkout",
      "Shipping address",
      "Recipient name",
      "Delivery address",
      "Pay now",
      "Pay later",
      "Pay in 30 days",
      "Pay in 3",
      "Place order",
      "Order summary",
      "Instalment",
      "Due ",
      "Available credit",
    ],
  },
  {
    path: "/account",
    heading: "我的账户",
    mustNotShow: ["Your account", "Credit score", "Available credit", "Next payment", "Pay later", "Excellent", "Enabled", "Credit report", " limit"],
  },
  {
    path: "/account/credit",
    heading: "我的信用",
    mustNotShow: [
      "Your credit",
      "Credit score",
      "Credit limit",
      "Available credit",
      "Pay later",
      "Turn off",
      "Excellent",
      "Top limits",
      "in use",
      "Date",
      "Reason",
      "Score after",
      "Opening score",
      "Paid on time",
    ],
  },
  {
    path: "/account/bills",
    heading: "账单",
    mustNotShow: [
      "Owed now",
      "Owed later",
      "Open bills",
      "Recently paid",
      "Repay",
      "Upcoming",
      "Due soon",
      "Late fee",
      "Pay in 30 days",
      "Pay in 3",
      "since",
      "Owed on this bill",
      "Available credit",
    ],
  },
  {
    path: "/account/orders",
    heading: "我的订单",
    mustNotShow: ["Your orders", "Placed", "Completed", "Pay later", "Pay now", "Pay in", "Store", "Total", "Status"],
  },
  {
    path: async (page) => {
      await page.goto("/account/orders");
      return (await page.getByRole("link", { name: /^HF-/ }).first().getAttribute("href"))!;
    },
    heading: /^订单 HF-/,
    mustNotShow: [
      "Order HF",
      "Instalment schedule",
      "Shipping to",
      "Status",
      "Payment",
      "Items",
      "All orders",
      "Cancel order",
      "Placed",
      "Upcoming",
      "Pay in",
      "From ",
    ],
  },
  {
    path: "/account/notifications",
    heading: "通知",
    mustNotShow: ["Mark all read", "unread", "caught up", "No notifications", "A payment is", "Payment received", "is due", "Pay later is"],
  },
];

async function sweepInChinese(page: Page, pages: ZhPage[]) {
  // Several pages, each with an axe run, on a shared machine.
  test.setTimeout(60_000 + pages.length * 30_000);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(page.url()).origin }]);
  for (const entry of pages) {
    const path = typeof entry.path === "string" ? entry.path : await entry.path(page);
    await page.goto(path);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(entry.heading);
    await expect(page.locator("main [aria-busy=true]"), `${path} finished streaming`).toHaveCount(0);
    const text = await page.locator("body").innerText();
    for (const phrase of entry.mustNotShow) expect(text, `${path} shows "${phrase}"`).not.toContain(phrase);
    const header = await page.locator("header").innerText();
    for (const word of HEADER_WORDS) expect(header, `${path} header shows "${word}"`).not.toContain(word);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, path).toEqual([]);
  }
}

test("every consumer page speaks Chinese when signed out", async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  await sweepInChinese(page, SIGNED_OUT);
});

test("every consumer page speaks Chinese for alice, with a cart", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "lumen-electronics", "Halo Smart Speaker");
  await sweepInChinese(page, ALICE);
});

test("dave's overdue bill, suspension and report read in Chinese, and refusals are translated", async ({ page }) => {
  await signIn(page, "dave@example.com");
  await sweepInChinese(page, []);
  await page.goto("/account/bills");
  await expect(page.getByText("已逾期", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("group", { name: "当前应还" })).toBeVisible();
  await page.goto("/account/credit");
  await expect(page.getByText("您有逾期款项，先享后付已暂停。")).toBeVisible();
  await expect(page.getByRole("group", { name: "先享后付" })).toContainText("已暂停");
  const text = await page.locator("main").innerText();
  for (const phrase of ["Payment overdue", "Suspended", "Pay later is suspended", "See what is overdue"]) expect(text).not.toContain(phrase);
  // A refusal from the server (more than is owed) arrives as a code and is said in Chinese.
  await page.goto("/account/bills");
  await page.getByRole("button", { name: "还款" }).first().click();
  await page.getByRole("textbox", { name: "金额" }).fill("999999");
  await page.getByLabel("卡号").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "确认付款" }).click();
  await expect(alert(page)).toContainText("还款金额超过了欠款。");
});

test("in Chinese every cart and notification change is confirmed in a status region", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await addToCart(page, "lumen-electronics", "Halo Smart Speaker");
  await addToCart(page, "lumen-electronics", "Nimbus Wireless Mouse");
  await sweepInChinese(page, []);
  await page.goto("/cart");
  await page.getByRole("button", { name: "增加一件 Halo Smart Speaker" }).click();
  await expect(status(page).filter({ hasText: "Halo Smart Speaker：数量 2。" })).toBeVisible();
  await page.getByRole("button", { name: "删除 Halo Smart Speaker" }).click();
  await expect(status(page).filter({ hasText: "商品已从购物车删除。" })).toBeVisible();
  await page.getByRole("button", { name: "清空购物车" }).click();
  await page.getByRole("group", { name: "确认清空购物车" }).getByRole("button", { name: "确认清空" }).click();
  await expect(status(page).filter({ hasText: "购物车已清空。" })).toBeVisible();
  await expect(page.getByText("购物车是空的。")).toBeVisible();

  // A repayment writes a notification; marking all read is confirmed too.
  await page.goto("/account/bills");
  await page.getByRole("button", { name: "还款" }).first().click();
  await page.getByRole("radio", { name: "其他金额" }).check();
  await page.getByRole("textbox", { name: "金额" }).fill("1.00");
  await page.getByLabel("卡号").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "确认付款" }).click();
  await expect(status(page).filter({ hasText: "已收到付款 ¥1.00" })).toBeVisible();
  await page.goto("/account/notifications");
  await expect(page.getByText("已收到您的还款 ¥1.00，谢谢。")).toBeVisible();
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(status(page).filter({ hasText: "所有通知已标为已读。" })).toBeVisible();
  await expect(page.getByRole("link", { name: "通知（0）" })).toBeVisible();
});

test("a notification made while browsing in Chinese reads in English once the language changes", async ({ page }) => {
  await signIn(page, "alice@example.com");
  await sweepInChinese(page, []);
  // A repayment and two renderings of the notifications page, on a shared machine.
  test.setTimeout(120_000);
  await page.goto("/account/bills");
  await page.getByRole("button", { name: "还款" }).first().click();
  await page.getByRole("radio", { name: "其他金额" }).check();
  await page.getByRole("textbox", { name: "金额" }).fill("2.50");
  await page.getByLabel("卡号").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "确认付款" }).click();
  await expect(status(page).filter({ hasText: "已收到付款 ¥2.50" })).toBeVisible();
  await page.goto("/account/notifications");
  await expect(page.getByText("已收到您的还款 ¥2.50，谢谢。")).toBeVisible();
  // It is stored as its kind and figures, not as the sentence of the language it was made in.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
  await page.reload();
  await expect(page.getByText("We received your payment of ¥2.50. Thank you.")).toBeVisible();
  await expect(page.getByText("已收到您的还款")).toHaveCount(0);
});
