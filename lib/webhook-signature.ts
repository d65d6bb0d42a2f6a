// Signing and verifying Houfu webhooks: `Houfu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
// Self-contained (node:crypto only), so that a shop can import or copy it: examples/ uses it to verify deliveries.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Houfu-Signature";
export const EVENT_ID_HEADER = "Houfu-Event-Id";
/** A signature older or newer than this is refused (a replayed delivery). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The header value for `rawBody` signed with `secret` at `timestamp` (unix seconds). */
export function signWebhookPayload(secret: string, rawBody: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "expired" | "mismatch" };

/**
 * Whether `header` signs `rawBody` (the bytes received, before any JSON parsing) with `secret`, made within
 * `toleranceSeconds` of `now`. Any of several v1 values may match (during a secret rotation); compared in constant time.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  header: string | null | undefined;
  rawBody: string;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  const fields = (input.header ?? "").split(",").map((part) => part.trim().split("="));
  const t = fields.find(([k]) => k === "t")?.[1];
  const candidates = fields.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v!);
  if (!t || !/^\d{1,12}$/.test(t) || candidates.length === 0) return { ok: false, reason: "malformed" };
  const timestamp = Number(t);
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "expired" };
  const expected = Buffer.from(hmacHex(input.secret, timestamp, input.rawBody), "hex");
  const matches = candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, "hex"), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}
