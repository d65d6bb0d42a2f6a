// One webhook HTTP request, outside any transaction: signed, with a hard timeout, no redirects followed, and (unless
// private addresses are allowed) connected only to an address checked to be public — the address checked is the
// address connected to, so a name that resolves differently a moment later (DNS rebinding) gains nothing.
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhookPayload } from "@/lib/webhook-signature";
import { allPublic, classifyHost } from "@/server/domain/network-address";
import { WEBHOOK_TIMEOUT_MS } from "@/server/domain/webhooks";

export type SendOutcome = { ok: boolean; status: number | null; error: string | null };
export type WebhookRequest = {
  url: string;
  body: string;
  secret: string;
  eventId: string;
  eventType: string;
  /** Signing time. */
  at: Date;
  allowPrivate: boolean;
  timeoutMs?: number;
};
export type WebhookSender = (request: WebhookRequest) => Promise<SendOutcome>;

const REFUSED_ADDRESS = "refused: the host is not a public address";
class RefusedAddress extends Error {
  constructor() {
    super(REFUSED_ADDRESS);
  }
}

/** dns.lookup, refusing the connection unless every address the name resolves to is public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as unknown as LookupAddress[];
    if (!allPublic(list.map((a) => a.address))) return callback(new RefusedAddress() as NodeJS.ErrnoException, "", 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

/** The request's reason for failing, in a few words for the delivery log. */
function failureOf(error: unknown): string {
  if (error instanceof RefusedAddress) return REFUSED_ADDRESS;
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNRESET") return "connection reset";
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 200);
}

export const sendWebhook: WebhookSender = (request) => {
  const timeoutMs = request.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<SendOutcome>((resolve) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return resolve({ ok: false, status: null, error: "invalid URL" });
    }
    if (!request.allowPrivate) {
      const kind = classifyHost(url.hostname);
      if (kind !== "public" && kind !== "not_an_address") return resolve({ ok: false, status: null, error: REFUSED_ADDRESS });
    }
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: request.allowPrivate ? undefined : publicOnlyLookup,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(request.body),
          "user-agent": "Houfu-Webhooks/1.0",
          [SIGNATURE_HEADER]: signWebhookPayload(request.secret, request.body, Math.floor(request.at.getTime() / 1000)),
          [EVENT_ID_HEADER]: request.eventId,
          "Houfu-Event-Type": request.eventType,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // The answer's body is not kept; reading it lets the connection finish.
        res.on("data", () => undefined);
        res.on("end", () => finish({ ok: status >= 200 && status < 300, status, error: null }));
        res.on("error", (error) => finish({ ok: false, status, error: failureOf(error) }));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, error: `no answer within ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error) => finish({ ok: false, status: null, error: failureOf(error) }));
    req.end(request.body);
  });
};
