import { describe, expect, it } from "vitest";
import { checkWebhookUrl, nextAttemptAfterFailure, WEBHOOK_RETRY_WINDOW_MS } from "./webhooks";

const CREATED = new Date("2026-11-25T00:00:00Z");
const MIN = 60_000;

describe("nextAttemptAfterFailure", () => {
  it("backs off 1 min, 5 min, 30 min, 2 h, 5 h, then 10 h", () => {
    let at = CREATED;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const next = nextAttemptAfterFailure(CREATED, attempt, at)!;
      waits.push((next.getTime() - at.getTime()) / MIN);
      at = next;
    }
    expect(waits).toEqual([1, 5, 30, 120, 300, 600]);
  });

  it("makes the last retry at the end of the 24 hours, then gives up", () => {
    const late = new Date(CREATED.getTime() + 20 * 3_600_000);
    expect(nextAttemptAfterFailure(CREATED, 7, late)).toEqual(new Date(CREATED.getTime() + WEBHOOK_RETRY_WINDOW_MS));
    expect(nextAttemptAfterFailure(CREATED, 8, new Date(CREATED.getTime() + WEBHOOK_RETRY_WINDOW_MS))).toBeNull();
  });
});

describe("checkWebhookUrl", () => {
  it("accepts http and https URLs", () => {
    expect(checkWebhookUrl("https://shop.example.com/hooks", false)).toEqual({ ok: true, url: "https://shop.example.com/hooks" });
    expect(checkWebhookUrl(" http://shop.example.com ", false)).toEqual({ ok: true, url: "http://shop.example.com/" });
  });

  it("refuses other schemes, credentials and garbage", () => {
    expect(checkWebhookUrl("ftp://shop.example.com", false)).toEqual({ ok: false, reason: "scheme" });
    expect(checkWebhookUrl("javascript:alert(1)", false)).toEqual({ ok: false, reason: "scheme" });
    expect(checkWebhookUrl("https://user:pw@shop.example.com", false)).toEqual({ ok: false, reason: "invalid" });
    expect(checkWebhookUrl("not a url", false)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses private and loopback hosts unless allowed, in every spelling the URL parser accepts", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1/",
      "http://2130706433/",
      "http://0x7f.1/",
      "http://[::1]/",
      "http://[::ffff:10.0.0.1]/",
      "http://169.254.169.254/latest",
    ])
      expect([url, checkWebhookUrl(url, false)]).toEqual([url, { ok: false, reason: "private" }]);
    expect(checkWebhookUrl("http://127.0.0.1:3450/hook", true)).toEqual({ ok: true, url: "http://127.0.0.1:3450/hook" });
  });
});
