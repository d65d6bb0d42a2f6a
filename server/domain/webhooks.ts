// The rules of webhooks (issue 18): which events exist, what an endpoint URL may be, how many endpoints a store may
// have, and when a failed delivery is tried again.
import { z } from "zod";
import { classifyHost } from "./network-address";

export const WEBHOOK_EVENT_TYPES = [
  "order.authorized",
  "order.captured",
  "order.cancelled",
  "order.expired",
  "order.refunded",
  "instalment.paid",
  "instalment.past_due",
  "bill.paid",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** "Send test event" sends this one; no endpoint subscribes to it. */
export const PING_EVENT = "ping";

/** A store may have this many endpoints (enabled or not). */
export const MAX_WEBHOOK_ENDPOINTS = 5;
export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** Each delivery attempt waits this long for the endpoint's answer. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** A delivery is retried for this long after its event, then marked failed. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
/** Delivered and failed deliveries (and events left without any) are deleted after this long. */
export const WEBHOOK_RETENTION_MS = 30 * 24 * 3_600_000;

/** The wait after the n-th failed attempt (1-based): 1 min, 5 min, 30 min, 2 h, 5 h, then every 10 h. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];

/**
 * After a failed attempt: when to try again, or null to give up (marked failed). Retries stop once the retry window
 * from the delivery's creation has passed; the last retry is made exactly at its end.
 */
export function nextAttemptAfterFailure(createdAt: Date, failedAttempts: number, now: Date): Date | null {
  const deadline = createdAt.getTime() + WEBHOOK_RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return null;
  const wait = BACKOFF_MS[Math.min(failedAttempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
  return new Date(Math.min(now.getTime() + wait, deadline));
}

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

/**
 * An endpoint URL: http or https, no user name or password, at most 500 characters. Hosts that are plainly not public
 * (localhost, private and loopback literals) are refused where `allowPrivate` is false; names are resolved later.
 */
export function checkWebhookUrl(
  text: string,
  allowPrivate: boolean,
): { ok: true; url: string } | { ok: false; reason: "invalid" | "scheme" | "private" } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "scheme" };
  if (url.username || url.password || !url.hostname) return { ok: false, reason: "invalid" };
  if (!allowPrivate) {
    const kind = classifyHost(url.hostname);
    if (kind !== "public" && kind !== "not_an_address") return { ok: false, reason: "private" };
  }
  return { ok: true, url: url.toString() };
}

export const webhookUrlSchema = z.string().trim().min(1, "Enter the endpoint's URL.").max(500, "Keep the URL to 500 characters.");
export const webhookEventsSchema = z.array(webhookEventTypeSchema).min(1, "Choose at least one event.").max(WEBHOOK_EVENT_TYPES.length);

/** What the Developers page shows of a secret after it was created. */
export function webhookSecretPrefix(secret: string): string {
  return `${secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
}
