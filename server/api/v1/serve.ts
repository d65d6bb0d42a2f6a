// The one path every merchant API request takes: bearer key → rate limit → validation → idempotency → handler →
// JSON, with every refusal a problem details response. Route files only bind an endpoint to this.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { systemClock, type Clock } from "@/server/clock";
import { API_RATE_LIMIT, type RateLimit } from "@/server/domain/api-rate-limit";
import { DomainError, storeReadOnly } from "@/server/domain/errors";
import { findUnstorableText } from "@/server/domain/storable-text";
import { logger } from "@/server/log";
import { admitApiRequest } from "@/server/services/developers/admit-api-request";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/server/services/developers/api-idempotency";
import { authenticateApiKey } from "@/server/services/developers/authenticate-api-key";
import type { ApiResult, Endpoint } from "./endpoint";
import { HTTP_STATUS_OF_DOMAIN, type Problem, problemOf, problemResponse } from "./problem";

export type ApiDeps = { db: Db; clock: Clock; rateLimit: RateLimit };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Largest request body read, in bytes: the biggest valid one is a few kilobytes. */
const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

class Refusal extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.code);
  }
}

function issuesOf(error: z.ZodError, prefix = ""): Problem["errors"] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."), message: issue.message }));
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Refusal(problemOf(400, "INVALID_REQUEST", `The request's ${where} is not valid.`, issuesOf(parsed.error, where)));
  return parsed.data;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new Refusal(problemOf(400, "INVALID_REQUEST", "The request body is too large."));
  // A POST that needs no fields (cancel) may be sent without a body.
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(problemOf(400, "INVALID_JSON", "The request body is not valid JSON."));
  }
}

function bearerSecret(request: Request): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(request.headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

function json(result: ApiResult, headers: Record<string, string> = {}): Response {
  const contentType = result.status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(result.body), { status: result.status, headers: { "content-type": contentType, ...headers } });
}

/** A domain refusal as the problem a shop sees; anything else is our fault and says nothing of its cause. */
function resultOfError(error: unknown): ApiResult | null {
  if (error instanceof Refusal) return { status: error.problem.status, body: error.problem };
  if (error instanceof DomainError)
    return { status: HTTP_STATUS_OF_DOMAIN[error.code], body: problemOf(HTTP_STATUS_OF_DOMAIN[error.code], error.code, error.message) };
  return null;
}

export async function handleApiRequest<P, Q, B>(
  endpoint: Endpoint<P, Q, B>,
  request: Request,
  rawParams: Record<string, unknown>,
  deps: ApiDeps,
): Promise<Response> {
  const { db, clock } = deps;
  try {
    const secret = bearerSecret(request);
    const caller = secret ? await authenticateApiKey(db, clock, secret) : null;
    if (!caller)
      throw new Refusal(problemOf(401, "UNAUTHENTICATED", "Send a valid, unrevoked secret key as: Authorization: Bearer hk_test_…"), {
        "www-authenticate": 'Bearer realm="houfu"',
      });
    const admission = await admitApiRequest(db, clock, caller.keyId, deps.rateLimit);
    if (!admission.admitted)
      throw new Refusal(problemOf(429, "RATE_LIMITED", `Too many requests with this key. Retry in ${admission.retryAfterSeconds} s.`), {
        "retry-after": String(admission.retryAfterSeconds),
      });

    const parsedParams = endpoint.params?.safeParse(rawParams);
    // A malformed id names no object: the same answer as another store's id.
    if (parsedParams && !parsedParams.success) throw new Refusal(problemOf(404, "NOT_FOUND", "No such object in your store."));
    const params = parsedParams?.data as P;
    const origin = new URL(request.url).origin;
    const query = parse(endpoint.query, Object.fromEntries(new URL(request.url).searchParams), "query");
    if (endpoint.method !== "POST") {
      const result = await endpoint.handle({ db, clock, caller, params, query, body: undefined as B, idempotencyKey: null, origin });
      return json(result);
    }

    // A store Houfu deactivated may read through the API, as in its pages, but change nothing.
    if (!caller.storeActive) throw storeReadOnly();
    const idempotencyKey = request.headers.get("idempotency-key");
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new Refusal(problemOf(400, "IDEMPOTENCY_KEY_REQUIRED", "Every POST needs an Idempotency-Key header of 8–100 visible ASCII characters."));
    const raw = await readJsonBody(request);
    if (findUnstorableText(raw) !== null) throw new Refusal(problemOf(400, "INVALID_REQUEST", "The body contains characters that cannot be saved."));
    const body = parse(endpoint.body, raw, "body");
    const requestHash = createHash("sha256")
      .update(`${endpoint.method} ${new URL(request.url).pathname}\n${JSON.stringify(body)}`)
      .digest("hex");
    const ref = { storeId: caller.storeId, idempotencyKey };
    const claim = await claimIdempotencyKey(db, clock, { ...ref, requestHash });
    if (claim.kind === "mismatch")
      throw new Refusal(problemOf(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request."));
    if (claim.kind === "in_progress")
      throw new Refusal(problemOf(409, "IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running. Retry shortly."), {
        "retry-after": "1",
      });
    if (claim.kind === "replay") return json(claim.response, { "idempotent-replayed": "true" });

    let result: ApiResult;
    try {
      result = await endpoint.handle({ db, clock, caller, params, query, body, idempotencyKey, origin });
    } catch (error) {
      const refused = resultOfError(error);
      if (!refused) {
        await releaseIdempotencyKey(db, ref).catch(() => undefined);
        throw error;
      }
      result = refused;
    }
    await completeIdempotencyKey(db, { ...ref, response: result });
    return json(result);
  } catch (error) {
    const refused = resultOfError(error);
    if (refused) return json(refused, error instanceof Refusal ? error.headers : {});
    logger.error({ err: error, path: endpoint.path }, "merchant API request failed");
    return problemResponse(problemOf(500, "INTERNAL", "Something went wrong on our side. Retry with the same Idempotency-Key."));
  }
}

/** A Next route handler for `endpoint`. */
export function serve<P, Q, B>(endpoint: Endpoint<P, Q, B>) {
  return async (request: Request, context: RouteContext) =>
    handleApiRequest(endpoint, request, await context.params, { db: getDb(), clock: systemClock, rateLimit: API_RATE_LIMIT });
}
