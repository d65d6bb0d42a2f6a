// Calls a merchant API endpoint as an HTTP request would reach it (bearer key, Idempotency-Key, JSON body), through
// the one request path server/api/v1/serve.ts, without a server.
import type { Db } from "@/db/client";
import { DEMO_API_KEY } from "@/scripts/seed/demo";
import type { MovableClock } from "@/server/clock";
import type { Endpoint } from "@/server/api/v1/endpoint";
import { handleApiRequest } from "@/server/api/v1/serve";
import { API_RATE_LIMIT } from "@/server/domain/api-rate-limit";

export type ApiCall = { key?: string | null; idempotencyKey?: string; body?: unknown; rawBody?: string; query?: string };

// biome-ignore lint/suspicious/noExplicitAny: a test drives endpoints of every type
export async function callApi(db: Db, clock: MovableClock, endpoint: Endpoint<any, any, any>, params: Record<string, string>, c: ApiCall = {}) {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = c.key === undefined ? DEMO_API_KEY : c.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (c.idempotencyKey) headers["idempotency-key"] = c.idempotencyKey;
  const request = new Request(`http://shop.test/api/v1${path}${c.query ?? ""}`, {
    method: endpoint.method,
    headers,
    body: endpoint.method === "POST" ? (c.rawBody ?? JSON.stringify(c.body ?? {})) : undefined,
  });
  const response = await handleApiRequest(endpoint, request, params, { db, clock, rateLimit: API_RATE_LIMIT });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
