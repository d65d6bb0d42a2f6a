// The consumer pages say the server's English facts through the message files: English must read exactly as the
// domain says it, and every notification the services write must be recognised, so Chinese never falls back to English.
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { MESSAGES } from "@/i18n/messages";
import {
  cartProblemText,
  notificationText,
  notificationValues,
  payLaterStatusText,
  planLabel,
  scoreBandText,
  type Translate,
} from "@/lib/i18n/localise";
import { INSTALMENT_STATUS_LABEL, ORDER_STATUS_LABEL, PAYMENT_METHOD_LABEL, PLAN_LABEL } from "@/lib/order-labels";
import { payLaterStatusSentence, type CreditState } from "@/server/domain/credit";
import { DEFAULT_POLICY, scoreBandLabel } from "@/server/domain/policy";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { RATE_LIMITED_MESSAGE } from "@/server/auth/authenticate";
import { callerAs, seededDb } from "./helpers";

/** A translator over one namespace, enough for these messages (plain {placeholders}). */
function translator(locale: "en" | "zh-CN", namespace: string): Translate {
  const messages = MESSAGES[locale][namespace] as Record<string, string>;
  return (key, values) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`${locale} ${namespace}.${key} is missing`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));
  };
}

describe("sign-in words", () => {
  it("the English rate-limit sentence is the server's", () => {
    expect(translator("en", "signIn")("rateLimited")).toBe(RATE_LIMITED_MESSAGE);
  });
});

describe("credit words", () => {
  it("English bands and meanings are the domain's, for every score", () => {
    const t = translator("en", "scoreBand");
    for (let score = 350; score <= 950; score += 1) expect(scoreBandText(t, score)).toEqual(scoreBandLabel(score));
  });

  it("the English status sentence is the domain's in every state", () => {
    const t = translator("en", "creditStatus");
    const states: CreditState[] = [];
    for (const payLaterStatus of ["enabled", "not_enabled", "suspended"] as const)
      for (const suspendedReason of payLaterStatus === "suspended" ? (["overdue", "admin"] as const) : ([null] as const))
        for (const score of [520, 599, 600, 640, 760]) states.push({ score, payLaterStatus, suspendedReason, usedCreditFen: 0, hasOverdue: false });
    for (const state of states) {
      const policy = DEFAULT_POLICY;
      expect(payLaterStatusText(t, { ...state, minScore: policy.minScore }), JSON.stringify(state)).toBe(payLaterStatusSentence(state, policy));
    }
  });

  it("Chinese says the same facts in Chinese", () => {
    expect(
      payLaterStatusText(translator("zh-CN", "creditStatus"), { payLaterStatus: "not_enabled", suspendedReason: null, score: 520, minScore: 600 }),
    ).toBe("您的信用分 520 低于开通先享后付所需的 600 分。");
    expect(scoreBandText(translator("zh-CN", "scoreBand"), 760).label).toBe("极好");
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

  it("every cart problem the cart service states is recognised", () => {
    const zh = translator("zh-CN", "cartProblem");
    expect(cartProblemText(zh, "No longer available.")).toBe("已下架。");
    expect(cartProblemText(zh, "Out of stock.")).toBe("已售罄。");
    expect(cartProblemText(zh, "Only 2 left.")).toBe("仅剩 2 件。");
    expect(cartProblemText(zh, null)).toBeNull();
    const en = translator("en", "cartProblem");
    for (const problem of ["No longer available.", "Out of stock.", "Only 2 left."]) expect(cartProblemText(en, problem)).toBe(problem);
  });
});

describe("notifications", () => {
  it("every notification the services write is recognised, and reads back unchanged in English", async () => {
    const { db, clock } = await seededDb();
    // dave repays what is overdue at once (reinstated); then the jobs run for 40 days (reminders, alice overdue and
    // suspended), and alice pays part of her bill.
    const dave = await callerAs(db, clock, "dave@example.com");
    for (const bill of (await dave.bills.list()).bills.filter((b) => b.status === "open"))
      await dave.bills.repay({
        billId: bill.id,
        amountFen: bill.owedFen,
        cardNumber: "4242 4242 4242 4242",
        idempotencyKey: `test-repay-${bill.id}`,
      });
    for (let day = 0; day < 40; day += 1) {
      await runCreditJobs(db, clock.now());
      clock.advanceDays(1);
    }
    const alice = await callerAs(db, clock, "alice@example.com");
    const aliceBill = (await alice.bills.list()).bills.find((b) => b.status === "open")!;
    await alice.bills.repay({ billId: aliceBill.id, amountFen: 100, cardNumber: "4242 4242 4242 4242", idempotencyKey: "test-repay-alice" });

    const stored = await db.select().from(notifications).orderBy(notifications.id);
    const kinds = new Set(stored.map((n) => n.kind));
    for (const kind of ["due_in_3", "due_today", "overdue", "payment_received", "pay_later_suspended", "pay_later_reinstated"])
      expect(kinds, kind).toContain(kind);
    const en = translator("en", "notificationText");
    const zh = translator("zh-CN", "notificationText");
    for (const n of stored) {
      expect(notificationValues(n.kind, n.body), `${n.kind}: ${n.body}`).not.toBeNull();
      expect(notificationText(en, n, (day) => day)).toEqual({ title: n.title, body: n.body });
      const chinese = notificationText(zh, n, (day) => day);
      expect(chinese.title).not.toBe(n.title);
      expect(chinese.body).not.toMatch(/[a-z]{3,}/i);
    }
  });

  it("an unrecognised notification is shown as stored", () => {
    const n = { kind: "something_new", title: "Hello", body: "A new kind of message." };
    expect(notificationText(translator("zh-CN", "notificationText"), n, (d) => d)).toEqual({ title: "Hello", body: "A new kind of message." });
  });
});
