import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookPayload, verifyWebhookSignature } from "./webhook-signature";

const SECRET = "whsec_test_secret";
const BODY = '{"id":"evt_1","type":"ping"}';
const NOW = new Date("2026-11-25T02:00:00Z");
const T = Math.floor(NOW.getTime() / 1000);

describe("webhook signatures", () => {
  it("signs t.body with HMAC-SHA256 in hex", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(signWebhookPayload(SECRET, BODY, T)).toBe(`t=${T},v1=${expected}`);
  });

  it("verifies its own signature within the tolerance", () => {
    const header = signWebhookPayload(SECRET, BODY, T);
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: BODY, now: NOW })).toEqual({ ok: true, timestamp: T });
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: BODY, now: new Date(NOW.getTime() + 299_000) }).ok).toBe(true);
  });

  it("refuses another body, another secret, an old or future timestamp, and malformed headers", () => {
    const header = signWebhookPayload(SECRET, BODY, T);
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: `${BODY} `, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret: "whsec_other", header, rawBody: BODY, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: BODY, now: new Date(NOW.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: BODY, now: new Date(NOW.getTime() - 301_000) }).ok).toBe(false);
    for (const bad of [null, "", "t=abc,v1=00", `v1=${"0".repeat(64)}`, `t=${T}`, `t=${T},v1=xyz`])
      expect(verifyWebhookSignature({ secret: SECRET, header: bad, rawBody: BODY, now: NOW })).toEqual({ ok: false, reason: "malformed" });
  });

  it("accepts a header whose timestamp was altered only if re-signed (the timestamp is signed too)", () => {
    const header = signWebhookPayload(SECRET, BODY, T).replace(`t=${T}`, `t=${T + 1}`);
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: BODY, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts any matching v1 among several (a secret being rolled)", () => {
    const good = signWebhookPayload(SECRET, BODY, T).split(",")[1]!;
    const header = `t=${T},v1=${"a".repeat(64)},${good}`;
    expect(verifyWebhookSignature({ secret: SECRET, header, rawBody: BODY, now: NOW }).ok).toBe(true);
  });
});
