import { expect, test, type Page } from "@playwright/test";
import { resetDemoData, signIn, status } from "./support";

test.beforeEach(async ({ request }) => resetDemoData(request));

/** Signs in with the stored session, then switches the browser to Chinese by the locale cookie. */
async function signInInChinese(page: Page, email: string) {
  await signIn(page, email);
  const url = new URL(page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", domain: url.hostname, path: "/" }]);
}

type PageCheck = { path: string; h1: string | RegExp; chinese: (string | RegExp)[]; english: string[] };

/** Visits each page and checks its Chinese words are there and none of its English ones leaked. */
async function checkPages(page: Page, pages: PageCheck[]) {
  for (const check of pages) {
    await test.step(check.path, async () => {
      await page.goto(check.path);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(check.h1);
      const main = page.getByRole("main");
      for (const text of check.chinese) await expect(main, `${check.path} shows ${text}`).toContainText(text);
      const body = (await main.innerText()).replace(/\s+/g, " ");
      const leaked = check.english.filter((phrase) => body.includes(phrase));
      expect(leaked, `English left on ${check.path}`).toEqual([]);
      expect(await page.title()).not.toMatch(/^(Orders|Products|Receivables|Store settings|Credit policy|Consumers|Merchants|Audit log) ·/);
    });
  }
}

test("every merchant page is in Chinese for shop@example.com", async ({ page }) => {
  test.setTimeout(120_000);
  await signInInChinese(page, "shop@example.com");
  await checkPages(page, [
    {
      path: "/merchant",
      h1: "Lumen Electronics",
      chinese: ["待处理事项", "今日订单", "今日销售额", "应收账款", "未到期应收", "7 天内到期", "已回款", "按时还款率"],
      english: [
        "Needs your attention",
        "Orders today",
        "Sales today",
        "Outstanding",
        "Due in 7 days",
        "Collected",
        "Pay later checkout",
        "waiting to be shipped",
        "On-time rate",
        "Last 30 days",
      ],
    },
    {
      path: "/merchant/orders",
      h1: "订单",
      chinese: ["搜索", "全部状态", "支付方式", "仅看逾期", "筛选", "下单时间", "金额"],
      english: [
        "Apply filters",
        "Any status",
        "Payment method",
        "Overdue only",
        "Customer",
        "Placed",
        "Shipped",
        "Pay later",
        "Pay now",
        "Next page",
      ],
    },
    {
      path: "/merchant/receivables",
      h1: "应收账款",
      chinese: ["导出 CSV", "逾期账龄分布", "1–30 天", "31–60 天", "61–90 天", "91 天以上", "近 12 周", "逾期分期", "逾期天数", "以表格显示数据"],
      english: [
        "Export CSV",
        "Aging of overdue amounts",
        "1–30 days",
        "91+ days",
        "of overdue",
        "Last 12 weeks",
        "Overdue instalments",
        "Days overdue",
        "Late fee",
        "Show the numbers",
        "Pay-later sales",
      ],
    },
    {
      path: "/merchant/products",
      h1: "商品",
      chinese: ["添加商品", "商品目录", "编辑", "下架", "库存"],
      english: ["Add a product", "Catalogue", "in stock", "Deactivate", "Edit"],
    },
    {
      path: "/merchant/settings",
      h1: "店铺设置",
      chinese: ["店铺资料", "店铺名称", "提供先享后付", "先享后付最低订单金额（¥）", "保存"],
      english: ["Profile", "Store name", "Offer pay later", "Minimum order", "Leave blank", "Save"],
    },
  ]);

  await test.step("an order's page", async () => {
    await page.goto("/merchant/orders?q=HF-1002");
    await page.getByRole("link", { name: "HF-1002" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("订单 HF-1002");
    const main = page.getByRole("main");
    for (const text of ["商品明细", "客户", "订单记录", "退款", "← 全部订单"]) await expect(main).toContainText(text);
    const body = await main.innerText();
    for (const phrase of ["Items", "Customer", "History", "placed", "All orders", "Refund"])
      expect(body, `order page leaks ${phrase}`).not.toContain(phrase);
  });
});

test("shop@example.com ships an order in Chinese", async ({ page }) => {
  await signInInChinese(page, "shop@example.com");
  await page.goto("/merchant");
  await page.getByRole("link", { name: "待发货订单" }).click();
  await expect(page).toHaveURL(/status=placed/);
  await page.getByRole("link", { name: "HF-1012" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "订单 HF-1012" })).toBeVisible();
  await page.getByRole("button", { name: "标记为已发货" }).click();
  const dialog = page.getByRole("dialog", { name: "将订单 HF-1012 标记为已发货？" });
  await expect(dialog.getByRole("button", { name: "返回" })).toBeVisible();
  await dialog.getByRole("button", { name: "确认发货" }).click();
  await expect(status(page)).toContainText("订单 HF-1012 已标记为已发货。");
  await expect(page.getByRole("button", { name: "标记为已完成" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("已发货");
});

test("a refund that is too large is refused in Chinese before it is sent", async ({ page }) => {
  await signInInChinese(page, "shop@example.com");
  await page.goto("/merchant/orders?q=HF-1002");
  await page.getByRole("link", { name: "HF-1002" }).click();
  await page.getByRole("button", { name: "退款" }).click();
  const dialog = page.getByRole("dialog", { name: "订单 HF-1002 退款" });
  await dialog.getByLabel("退款金额（¥）").fill("abc");
  await dialog.getByLabel("退款原因").fill("x");
  await dialog.getByRole("button", { name: "确认退款" }).click();
  await expect(dialog.getByText("请输入以元为单位的金额，例如 100 或 99.50。")).toBeVisible();
  await expect(dialog.getByText("请填写至少 3 个字的原因。")).toBeVisible();
});

test("every admin page is in Chinese for admin@example.com", async ({ page }) => {
  test.setTimeout(120_000);
  await signInInChinese(page, "admin@example.com");
  await checkPages(page, [
    {
      path: "/admin",
      h1: "平台概览",
      chinese: ["消费者", "营业中店铺", "先享后付交易额", "平台应收账款", "各店铺应收账款", "逾期率"],
      english: [
        "Platform overview",
        "Active stores",
        "Pay-later volume",
        "Platform receivables",
        "Receivables by store",
        "Outstanding",
        "Overdue rate",
        "suspended",
        " orders",
      ],
    },
    {
      path: "/admin/policy",
      h1: "授信政策",
      chinese: [
        "准入条件",
        "最低信用分",
        "额度档位",
        "拆分最后一档",
        "还款方式",
        "逾期处理",
        "滞纳金",
        "信用分影响",
        "变更说明",
        "保存政策",
        "影响预估",
        "版本历史",
        "第 1 版",
      ],
      english: [
        "Eligibility",
        "Minimum score",
        "Limit bands",
        "Split the last band",
        "Late payment",
        "Score effects",
        "Save policy",
        "What-if",
        "History",
        "Version 1",
        "The first version",
      ],
    },
    {
      path: "/admin/consumers",
      h1: "消费者",
      chinese: ["搜索消费者", "信用分", "先享后付", "待还金额", "已开通"],
      english: ["Search consumers", "Score", "Pay later", "Owed", "Enabled", "Not enabled", "Suspended"],
    },
    {
      path: "/admin/merchants",
      h1: "商家管理",
      chinese: ["店铺", "先享后付交易额", "停用", "强制关闭先享后付", "已开启"],
      english: ["Deactivate", "Force pay later off", "Pay-later volume", "Outstanding", "Due in 7 days"],
    },
    {
      path: "/admin/audit",
      h1: "审计日志",
      chinese: ["操作人", "对象类型", "开始日期", "筛选"],
      english: ["Actor", "Entity type", "Filter", "Nothing has been recorded", "When", "Who"],
    },
  ]);

  await test.step("a consumer's page", async () => {
    await page.goto("/admin/consumers?q=dave");
    await page.getByRole("link", { name: "Dave Chen" }).click();
    const main = page.getByRole("main");
    for (const text of ["信用分", "授信额度", "可用额度", "调整信用分", "信用记录", "账单", "消费者看到的提示："])
      await expect(main).toContainText(text);
    const body = await main.innerText();
    for (const phrase of [
      "Credit score",
      "Credit limit",
      "Available credit",
      "Adjust score",
      "Credit history",
      "What the consumer sees",
      "Suspend pay later",
      "joined",
    ])
      expect(body, `consumer page leaks ${phrase}`).not.toContain(phrase);
  });
});

test("the admin raises the minimum score in Chinese, with the what-if and the history in Chinese", async ({ page }) => {
  await signInInChinese(page, "admin@example.com");
  await page.goto("/admin/policy");
  await page.getByLabel("最低信用分").fill("650");
  await expect(page.getByLabel("第 1 档起始分")).toHaveText("650");
  const whatIf = page.getByRole("region", { name: "影响预估" });
  await expect(whatIf.getByRole("list", { name: "将失去准入资格" })).toContainText("Bob Zhang");
  await expect(whatIf).toContainText("最低信用分：600 → 650");
  await expect(whatIf).toContainText("信用分 640");

  await page.getByRole("button", { name: "保存政策" }).click();
  await expect(page.getByText("请说明政策调整的原因。")).toBeVisible();
  await page.getByLabel("变更说明").fill("第三季度风险收紧");
  await page.getByRole("button", { name: "保存政策" }).click();
  await expect(page.getByRole("group", { name: "确认" })).toContainText("保存为第 2 版？");
  await page.getByRole("button", { name: "确认并保存" }).click();
  await expect(status(page).filter({ hasText: "第 2 版授信政策已生效" })).toBeVisible();
  const history = page.getByRole("region", { name: "版本历史" });
  await expect(history).toContainText("第 2 版");
  await expect(history.getByRole("table", { name: "相对第 1 版的变更" }).getByRole("row", { name: /最低信用分/ })).toContainText("650");
});

test("an invalid policy names its problems in Chinese", async ({ page }) => {
  await signInInChinese(page, "admin@example.com");
  await page.goto("/admin/policy");
  await page.getByLabel("滞纳金上限（占该期金额的百分比）").fill("120");
  await page.getByRole("button", { name: "保存政策" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请修正标出的字段。" })).toBeVisible();
  await expect(page.getByText("上限最高为 100%。").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "影响预估" })).toContainText("请先修正以下问题再查看影响");
});

/** Each page's tables sit in their own focusable region, and the page itself never scrolls sideways. */
async function checkPhone(page: Page, paths: { path: string; tables: number }[]) {
  for (const { path, tables } of paths) {
    await page.goto(path);
    const regions = page.locator('[role=region][tabindex="0"]').filter({ has: page.getByRole("table") });
    await expect(regions).toHaveCount(tables);
    for (const region of await regions.all()) await expect(region).toHaveAttribute("tabindex", "0");
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  }
}

test.describe("on a phone (390×844), in Chinese", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("admin tables scroll inside their own region, not the page", async ({ page }) => {
    await signInInChinese(page, "admin@example.com");
    await checkPhone(page, [
      { path: "/admin", tables: 1 },
      { path: "/admin/merchants", tables: 1 },
      { path: "/admin/consumers", tables: 1 },
      { path: "/admin/audit", tables: 0 },
      { path: "/admin/policy", tables: 0 },
    ]);
  });

  test("merchant tables scroll inside their own region, not the page", async ({ page }) => {
    await signInInChinese(page, "shop@example.com");
    await checkPhone(page, [
      { path: "/merchant", tables: 0 },
      { path: "/merchant/orders", tables: 1 },
      { path: "/merchant/receivables", tables: 2 },
      { path: "/merchant/products", tables: 0 },
      { path: "/merchant/settings", tables: 0 },
    ]);
  });
});
