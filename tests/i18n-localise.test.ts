// The consumer pages say the server's English facts through the message files: English must read exactly as the
// domain says it, and every notification the services write must be recognised, so Chinese never falls back to English.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { exec } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { notifications, outbox } from "@/db/schema";
import { cartProblemText, notificationText, payLaterStatusText, planLabel, scoreBandText } from "@/lib/i18n/localise";
import { INSTALMENT_STATUS_LABEL, ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL, PLAN_LABEL } from "@/lib/order-labels";
import { payLaterStatusSentence, type CreditState } from "@/server/domain/credit";
import { formatFen } from "@/server/domain/money";
import { DEFAULT_POLICY, scoreBandLabel, scoreStanding } from "@/server/domain/policy";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { TEST_CARDS } from "@/server/services/payments/provider";
import { cartLineProblem } from "@/server/domain/orders";
import { NOTIFICATION_KINDS } from "@/server/domain/notifications";
import { RATE_LIMITED_MESSAGE } from "@/server/auth/authenticate";
import { callerAs, seededDb, userId } from "./helpers";
import { CARD } from "./fixtures";
import { translator } from "./translator";

describe("sign-in words", () => {
  it("the English rate-limit sentence is the server's", () => {
    expect(translator("en", "signIn")("rateLimited")).toBe(RATE_LIMITED_MESSAGE);
  });
});

describe("credit words", () => {
  it("English bands and meanings are the domain's, for every score, under the default and a raised policy", () => {
    const t = translator("en", "scoreBand");
    const raised = {
      ...DEFAULT_POLICY,
      minScore: 650,
      bands: [
        { minScore: 650, maxScore: 799, limitFen: 150_000 },
        { minScore: 800, maxScore: 950, limitFen: 800_000 },
      ],
    };
    for (const policy of [DEFAULT_POLICY, raised])
      for (let score = 350; score <= 950; score += 1)
        expect(scoreBandText(t, scoreStanding(score, policy), formatFen)).toEqual(scoreBandLabel(score, policy));
  });

  it("bands come from the policy: below a raised minimum is never 'enough for pay later'", () => {
    const raised = { ...DEFAULT_POLICY, minScore: 650, bands: DEFAULT_POLICY.bands.slice(1) };
    expect(scoreBandLabel(620, DEFAULT_POLICY).meaning).toMatch(/^Enough for pay later/);
    expect(scoreBandLabel(620, raised)).toEqual({
      label: "Building",
      meaning: "Below the 650 pay later needs today; on-time payments and time improve it.",
    });
    expect(scoreBandLabel(660, raised).meaning).toBe("Enough for pay later, with a starter limit of ¥2,000.00; reach 700 for ¥5,000.00.");
    expect(scoreBandLabel(760, raised)).toEqual({ label: "Excellent", meaning: "The top band: a limit of ¥10,000.00." });
  });

  it("the English status sentence is the domain's in every state", () => {
    const t = translator("en", "creditStatus");
    const states: CreditState[] = [];
    for (const payLaterStatus of ["enabled", "not_enabled", "suspended"] as const)
      for (const suspendedReason of payLaterStatus === "suspended" ? (["overdue", "admin"] as const) : ([null] as const))
        for (const score of [520, 599, 600, 640, 760])
          for (const hasOverdue of [false, true]) states.push({ score, payLaterStatus, suspendedReason, usedCreditFen: 0, hasOverdue });
    for (const state of states) {
      const policy = DEFAULT_POLICY;
      expect(payLaterStatusText(t, { ...state, minScore: policy.minScore }), JSON.stringify(state)).toBe(payLaterStatusSentence(state, policy));
    }
  });

  it("Chinese says the same facts in Chinese", () => {
    expect(
      payLaterStatusText(translator("zh-CN", "creditStatus"), {
        payLaterStatus: "not_enabled",
        suspendedReason: null,
        score: 520,
        minScore: 600,
        hasOverdue: false,
      }),
    ).toBe("您的信用分 520 低于开通先享后付所需的 600 分。");
    expect(scoreBandText(translator("zh-CN", "scoreBand"), scoreStanding(760, DEFAULT_POLICY), formatFen).label).toBe("极好");
  });
});

describe("shared labels", () => {
  it("the English label namespaces equal lib/order-labels (the merchant's screens use those), and Chinese has each", () => {
    for (const [namespace, labels] of [
      ["orderStatus", ORDER_STATUS_LABEL],
      ["paymentMethod", PAYMENT_METHOD_LABEL],
      ["plan", PLAN_LABEL],
      ["instalmentStatus", INSTALMENT_STATUS_LABEL],
    ] as const)
      for (const [key, label] of Object.entries(labels)) {
        expect(translator("en", namespace)(key), `${namespace}.${key}`).toBe(label);
        expect(translator("zh-CN", namespace)(key)).toMatch(/[\u4e00-\u9fff]/);
      }
  });
});

describe("plan names and cart problems", () => {
  it("English keeps the policy's label; Chinese translates known codes only", () => {
    const zh = translator("zh-CN", "plan");
    expect(planLabel(translator("en", "plan"), "en", "pay_in_3", "Pay in 3")).toBe("Pay in 3");
    expect(planLabel(zh, "zh-CN", "pay_in_3", "Pay in 3")).toBe("分 3 期");
    expect(planLabel(zh, "zh-CN", "pay_in_6", "Pay in 6")).toBe("Pay in 6");
    for (const plan of DEFAULT_POLICY.plans) expect(translator("en", "plan")(plan.code)).toBe(plan.label);
  });

  it("every cart problem the cart service finds reads in both languages", () => {
    const en = translator("en", "cartProblem");
    const zh = translator("zh-CN", "cartProblem");
    const unavailable = cartLineProblem({ available: false, quantity: 1, stock: 5 });
    const soldOut = cartLineProblem({ available: true, quantity: 1, stock: 0 });
    const fewLeft = cartLineProblem({ available: true, quantity: 3, stock: 2 });
    expect(cartLineProblem({ available: true, quantity: 2, stock: 2 })).toBeNull();
    expect([unavailable, soldOut, fewLeft].map((p) => cartProblemText(en, p))).toEqual(["No longer available.", "Out of stock.", "Only 2 left."]);
    expect([unavailable, soldOut, fewLeft].map((p) => cartProblemText(zh, p))).toEqual(["已下架。", "已售罄。", "仅剩 2 件。"]);
    expect(cartProblemText(zh, null)).toBeNull();
  });
});

describe("notifications", () => {
  it("are stored as a kind with figures and read right in English and in Chinese, and email in English", async () => {
    const { db, clock } = await seededDb();
    // dave repays what is overdue at once (reinstated); then the jobs run for 40 days (reminders, erin's autopay
    // declined, alice overdue and suspended), and alice pays part of her bill.
    const dave = await callerAs(db, clock, "dave@example.com");
    for (const bill of (await dave.bills.list()).bills.filter((b) => b.status === "open"))
      await dave.bills.repay({
        billId: bill.id,
        amountFen: bill.owedFen,
        cardNumber: CARD,
        idempotencyKey: `test-repay-${bill.id}`,
      });
    // erin pays by autopay with a card that declines: a reminder before her next charge, and the declines.
    const erin = await callerAs(db, clock, "erin@example.com");
    await erin.autopay.saveCard({ cardNumber: TEST_CARDS.declines });
    await erin.autopay.setEnabled({ enabled: true });
    for (let day = 0; day < 40; day += 1) {
      await runCreditJobs(db, clock.now());
      clock.advanceDays(1);
    }
    const alice = await callerAs(db, clock, "alice@example.com");
    const aliceBill = (await alice.bills.list()).bills.find((b) => b.status === "open")!;
    await alice.bills.repay({ billId: aliceBill.id, amountFen: 123_456, cardNumber: CARD, idempotencyKey: "test-repay-alice" });
    // The store refunds part of alice's bill (a new schedule), then the rest (nothing more owed, some paid back).
    const shop = (await callerAs(db, clock, "shop@example.com")).merchant;
    await shop.orders.refund({ orderId: aliceBill.orderId, amountFen: 50_000, reason: "Dented", idempotencyKey: "test-refund-1" });
    const left = (await shop.orders.detail({ orderId: aliceBill.orderId })).refundableFen;
    await shop.orders.refund({ orderId: aliceBill.orderId, amountFen: left, reason: "Returned", idempotencyKey: "test-refund-2" });
    // An admin suspends alice with a reason of their own.
    const admin = await callerAs(db, clock, "admin@example.com");
    await admin.admin.suspendPayLater({ consumerId: await userId(db, "alice@example.com"), reason: "Card reported stolen" });
    // Dave asks support, and the admin answers.
    await dave.support.ask({ topic: "fees", message: "How is the late fee worked out?" });
    const question = (await admin.admin.supportTickets({})).tickets[0]!;
    await admin.admin.answerTicket({ ticketId: question.id, answer: "It is a fixed fee, capped" });

    const stored = await db.select().from(notifications).orderBy(notifications.id);
    expect(new Set(stored.map((n) => n.kind))).toEqual(new Set(NOTIFICATION_KINDS));
    // No English is stored: the words are chosen when read.
    for (const n of stored) expect(n, n.kind).toMatchObject({ title: null, body: null, params: expect.any(Object) });

    const en = translator("en", "notificationText");
    const zh = translator("zh-CN", "notificationText");
    const listed = (await Promise.all([dave, alice, erin].map(async (c) => (await c.notifications.list({ limit: 100 })).items))).flat();
    const owners = await Promise.all(["dave", "alice", "erin"].map((n) => userId(db, `${n}@example.com`)));
    expect(listed).toHaveLength(stored.filter((n) => owners.includes(n.userId)).length);
    for (const n of listed) {
      expect(n.content, JSON.stringify(n)).not.toBeNull();
      // What a person wrote (an admin's reason, an answer) is shown as written, in whatever language it is in.
      const written = Object.values(n.content?.params ?? {}).filter(
        (v): v is string => typeof v === "string" && n.content?.kind !== "order_refunded",
      );
      const withoutWritten = (text: string) => written.reduce((rest, w) => rest.replace(w, ""), text);
      const english = notificationText(en, "en", n);
      const chinese = notificationText(zh, "zh-CN", n);
      chinese.body = withoutWritten(chinese.body);
      english.body = withoutWritten(english.body);
      expect(english.body, english.body).not.toMatch(/[\u4e00-\u9fff]|\{/);
      expect(chinese.title).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese.body, chinese.body).not.toMatch(/[a-z]{3,}|\{/i);
    }
    const payment = (await alice.notifications.list({ limit: 100 })).items.find((n) => n.content?.kind === "payment_received")!;
    expect(notificationText(en, "en", payment)).toEqual({ title: "Payment received", body: "We received your payment of ¥1,234.56. Thank you." });
    expect(notificationText(zh, "zh-CN", payment)).toEqual({ title: "已收到还款", body: "已收到您的还款 ¥1,234.56，谢谢。" });
    const reminder = (await alice.notifications.list({ limit: 100 })).items.find((n) => n.content?.kind === "due_in_3")!;
    expect(reminder.content).toEqual({
      kind: "due_in_3",
      params: { amountFen: expect.any(Number), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(notificationText(zh, "zh-CN", reminder).body).toMatch(/^¥[\d,]+\.\d{2} 将于 \d{4}年\d{1,2}月\d{1,2}日 到期。$/);

    // The email is the English sentence, to the consumer's address.
    const emails = await db.select().from(outbox).orderBy(outbox.id);
    expect(emails).toHaveLength(stored.length);
    expect(emails.find((e) => e.subject === "Payment received" && e.recipient === "alice@example.com")).toMatchObject({
      recipient: "alice@example.com",
      subject: "Payment received",
      body: "We received your payment of ¥1,234.56. Thank you.",
    });
  });

  it("a row from before notifications had figures shows the English it was stored with", () => {
    const zh = translator("zh-CN", "notificationText");
    const legacy = { content: null, storedText: { title: "Hello", body: "A new kind of message." } };
    expect(notificationText(zh, "zh-CN", legacy)).toEqual({ title: "Hello", body: "A new kind of message." });
    expect(notificationText(zh, "zh-CN", { content: null, storedText: null })).toEqual({ title: "通知", body: "此通知已无法显示。" });
  });

  it("the migration gives the English sentences older versions wrote their kind's figures, and leaves other text as it was", async () => {
    const { db } = await seededDb();
    const bob = await userId(db, "bob@example.com");
    // The sentences as the services wrote them before notifications had params.
    const legacy: [string, string, string, unknown][] = [
      ["due_in_3", "A payment is due soon", "¥1,234.56 is due on 2026-12-01.", { amountFen: 123_456, dueDate: "2026-12-01" }],
      ["due_today", "A payment is due today", "¥0.05 is due today.", { amountFen: 5 }],
      [
        "overdue",
        "A payment is overdue",
        "Your instalment due 2026-11-01 is overdue. A late fee of ¥15.00 was added; repay it to keep pay later.",
        { dueDate: "2026-11-01", feeFen: 1_500 },
      ],
      ["payment_received", "Payment received", "We received your payment of ¥12,000.00. Thank you.", { amountFen: 1_200_000, billPaid: false }],
      [
        "payment_received",
        "Payment received",
        "We received your payment of ¥1.00; the bill is paid in full. Thank you.",
        { amountFen: 100, billPaid: true },
      ],
      [
        "pay_later_suspended",
        "Pay later is suspended",
        "A payment is overdue, so pay later is suspended. Repay what is overdue and it comes back automatically.",
        {},
      ],
      ["pay_later_reinstated", "Pay later is back", "Everything overdue is paid, so pay later is enabled again.", {}],
      ["due_today", "A payment is due today", "Something else entirely.", null],
    ];
    await withTransaction(db, (tx) =>
      tx
        .insert(notifications)
        .values(legacy.map(([kind, title, body], i) => ({ userId: bob, kind, title, body, dedupeKey: `legacy:${i}`, createdAt: new Date() }))),
    );
    const engine = inject("testEngine").kind;
    const file = fs.readdirSync(path.join("db/migrations", engine)).find((name) => name.endsWith("_notification_params.sql"))!;
    const text = fs.readFileSync(path.join("db/migrations", engine, file), "utf8");
    // The statements after the schema change: the conversion.
    const conversion = text.slice(text.indexOf("-- Rows written as English sentences")).split("--> statement-breakpoint");
    await withTransaction(db, async (tx) => {
      for (const statement of conversion) await exec(tx, sql.raw(statement));
    });

    const converted = await db.select().from(notifications).where(sql`${notifications.dedupeKey} LIKE 'legacy:%'`).orderBy(notifications.id);
    expect(converted.map((n) => n.params)).toEqual(legacy.map(([, , , params]) => params));
    expect(converted.map((n) => n.body)).toEqual(legacy.map(([, , body, params]) => (params === null ? body : null)));
  });
});
