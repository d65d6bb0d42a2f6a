// GET /api/v1/messaging (issue 18): the pay-later sentence for an amount, by a store's publishable key, open to any
// origin; the embeddable script; and both in the OpenAPI document.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exec } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { DEMO_PUBLISHABLE_KEY } from "@/scripts/seed/demo";
import { handleMessagingRequest, MESSAGING_SCRIPT } from "@/server/api/v1/messaging";
import { openApiDocument } from "@/server/api/v1/openapi";
import { callerAs, seededDb } from "./helpers";

async function ask(db: Db, query: string, headers: Record<string, string> = {}) {
  const response = await handleMessagingRequest(new Request(`http://localhost/api/v1/messaging?${query}`, { headers }), db);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/v1/messaging", () => {
  it("answers Lumen's demo key with the sentence and figures, in English and Chinese, to any origin", async () => {
    const { db } = await seededDb();
    const en = await ask(db, `amountFen=129900&key=${DEMO_PUBLISHABLE_KEY}`);
    expect(en.status).toBe(200);
    expect(en.headers.get("access-control-allow-origin")).toBe("*");
    expect(en.body).toEqual({
      object: "messaging",
      eligible: true,
      sentence: "or 3 × ¥433.00 with Pay later",
      instalmentCount: 3,
      instalmentFen: 43_300,
      amountFen: 129_900,
      locale: "en",
      currency: "CNY",
    });
    const zh = await ask(db, "amountFen=129900&locale=zh", { authorization: `Bearer ${DEMO_PUBLISHABLE_KEY}` });
    expect(zh.body).toMatchObject({ eligible: true, sentence: "或先享后付 3 × ¥433.00", locale: "zh-CN" });
  });

  it("is empty outside the store's min/max and where pay later is off", async () => {
    const { db, clock } = await seededDb();
    await withTransaction(db, (tx) =>
      exec(tx, sql`UPDATE stores SET pay_later_min_fen = 10000, pay_later_max_fen = 200000 WHERE publishable_key = ${DEMO_PUBLISHABLE_KEY}`),
    );
    expect((await ask(db, `amountFen=9999&key=${DEMO_PUBLISHABLE_KEY}`)).body).toMatchObject({ eligible: false, sentence: "", instalmentFen: null });
    expect((await ask(db, `amountFen=200001&key=${DEMO_PUBLISHABLE_KEY}`)).body).toMatchObject({ eligible: false, sentence: "" });
    expect((await ask(db, `amountFen=200000&key=${DEMO_PUBLISHABLE_KEY}`)).body).toMatchObject({ eligible: true });
    // Cloud Tea House offers no pay later: its new key answers, with nothing to say.
    const tea = await callerAs(db, clock, "tea@example.com");
    expect(await tea.merchant.developers.webhooks.publishableKey()).toBeNull();
    const teaKey = await tea.merchant.developers.webhooks.createPublishableKey();
    expect(teaKey).toMatch(/^hk_pub_/);
    expect(await tea.merchant.developers.webhooks.createPublishableKey()).toBe(teaKey);
    expect((await ask(db, `amountFen=129900&key=${teaKey}`)).body).toMatchObject({ eligible: false, sentence: "" });
  });

  it("refuses a missing or unknown key with 401 and a bad amount with 400, as problem details", async () => {
    const { db } = await seededDb();
    for (const query of [
      "amountFen=100",
      "amountFen=100&key=hk_pub_notAKeyOfAnyStore123",
      `amountFen=100&key=hk_test_lumenDemo2026Rk7Qm3Xv9Tz2Wp5Ls8Hd4Nc6`,
    ]) {
      const res = await ask(db, query);
      expect([query, res.status, res.body.code]).toEqual([query, 401, "NO_PUBLISHABLE_KEY"]);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    for (const query of [
      `amountFen=abc&key=${DEMO_PUBLISHABLE_KEY}`,
      `amountFen=0&key=${DEMO_PUBLISHABLE_KEY}`,
      `amountFen=1&locale=fr&key=${DEMO_PUBLISHABLE_KEY}`,
    ])
      expect((await ask(db, query)).status).toBe(400);
  });

  it("serves a script that writes the sentence as text into elements marked data-houfu-messaging", () => {
    expect(MESSAGING_SCRIPT).toContain("[data-houfu-messaging]");
    expect(MESSAGING_SCRIPT).toContain("el.textContent = m && m.eligible ? m.sentence");
    expect(MESSAGING_SCRIPT).not.toMatch(/innerHTML|eval\(|new Function/);
  });

  it("is in the OpenAPI document with its publishable-key security, and so are the webhook events", () => {
    const doc = openApiDocument() as ReturnType<typeof openApiDocument> & { webhooks: Record<string, unknown> };
    expect(doc.paths["/messaging"]?.get).toMatchObject({ operationId: "getMessaging", security: [{ publishableKey: [] }] });
    expect(Object.keys(doc.webhooks).sort()).toEqual(
      [
        "bill.paid",
        "instalment.past_due",
        "instalment.paid",
        "order.authorized",
        "order.cancelled",
        "order.captured",
        "order.expired",
        "order.refunded",
        "ping",
      ].sort(),
    );
  });
});
