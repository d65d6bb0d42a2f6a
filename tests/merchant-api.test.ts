// The /api/v1 foundation (issue 18): bearer keys, problem details, per-store scoping, Idempotency-Key on POST,
// the per-key rate limit, and the OpenAPI document generated from the request schemas.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bool } from "@/db/dialect";
import { exec, row, rows } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { DEMO_API_KEY } from "@/scripts/seed/demo";
import type { MovableClock } from "@/server/clock";
import type { Endpoint } from "@/server/api/v1/endpoint";
import { createOrderRefund, ENDPOINTS, getOrder, listOrders } from "@/server/api/v1/endpoints";
import { openApiDocument } from "@/server/api/v1/openapi";
import { createRefund } from "@/server/api/v1/schemas";
import { handleApiRequest } from "@/server/api/v1/serve";
import { API_RATE_LIMIT, type RateLimit } from "@/server/domain/api-rate-limit";
import { MAX_AMOUNT_FEN } from "@/server/domain/money";
import { createApiKey } from "@/server/services/developers/create-api-key";
import { revokeApiKey } from "@/server/services/developers/revoke-api-key";
import { tableDigest } from "./digest";
import { secondConnection, seededDb, userId } from "./helpers";

type Call = { key?: string | null; idempotencyKey?: string; body?: unknown; rawBody?: string; query?: string; rateLimit?: RateLimit };

// biome-ignore lint/suspicious/noExplicitAny: a test drives endpoints of every type
async function call(db: Db, clock: MovableClock, endpoint: Endpoint<any, any, any>, params: Record<string, string>, c: Call = {}) {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = c.key === undefined ? DEMO_API_KEY : c.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (c.idempotencyKey) headers["idempotency-key"] = c.idempotencyKey;
  const request = new Request(`http://localhost/api/v1${path}${c.query ?? ""}`, {
    method: endpoint.method,
    headers,
    body: endpoint.method === "POST" ? (c.rawBody ?? JSON.stringify(c.body ?? {})) : undefined,
  });
  const response = await handleApiRequest(endpoint, request, params, { db, clock, rateLimit: c.rateLimit ?? API_RATE_LIMIT });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function lumen(db: Db) {
  const store = await row<{ id: number }>(
    db,
    sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com'`,
  );
  const completed = await row<{ id: number; total: number }>(
    db,
    sql`SELECT id, total_fen AS "total" FROM orders WHERE store_id = ${store!.id} AND status = 'completed' AND refunded_fen = 0 ORDER BY id LIMIT 1`,
  );
  return { storeId: store!.id, completedOrder: completed!.id, completedTotal: Number(completed!.total) };
}

async function teaKey(db: Db, clock: MovableClock) {
  const tea = await row<{ id: number }>(db, sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'tea@example.com'`);
  const created = await createApiKey(db, clock, {
    storeId: tea!.id,
    actor: { userId: await userId(db, "tea@example.com"), role: "merchant" },
    name: "Tea",
  });
  return created.secret;
}

const refundCount = async (db: Db) => Number((await row<{ n: number }>(db, sql`SELECT COUNT(*) AS "n" FROM refunds`))!.n);

describe("merchant API authentication and scoping", () => {
  it("answers 401 problem details to a missing, unknown or revoked key", async () => {
    const { db, clock } = await seededDb();
    const { completedOrder } = await lumen(db);
    for (const key of [null, "hk_test_notARealKeyButLongEnough123456", "not-even-a-key"]) {
      const res = await call(db, clock, getOrder, { id: String(completedOrder) }, { key });
      expect([key, res.status, res.body.code]).toEqual([key, 401, "UNAUTHENTICATED"]);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await call(db, clock, getOrder, { id: String(completedOrder) })).status).toBe(200);
    const demo = await row<{ id: number; store: number }>(db, sql`SELECT id, store_id AS "store" FROM api_keys ORDER BY id LIMIT 1`);
    await revokeApiKey(db, clock, {
      storeId: demo!.store,
      actor: { userId: await userId(db, "shop@example.com"), role: "merchant" },
      keyId: demo!.id,
    });
    const revoked = await call(db, clock, getOrder, { id: String(completedOrder) });
    expect([revoked.status, revoked.body.code]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("reads the store's own order with its items, and answers 404 for another store's or a malformed id", async () => {
    const { db, clock } = await seededDb();
    const { completedOrder, completedTotal } = await lumen(db);
    const own = await call(db, clock, getOrder, { id: String(completedOrder) });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: completedOrder, object: "order", status: "completed", amountFen: completedTotal, currency: "CNY" });
    expect((own.body.items as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(own.body)).not.toMatch(/shipping|@example\.com/);

    const tea = await teaKey(db, clock);
    for (const id of [String(completedOrder), "abc", "0", "99999999999"]) {
      const res = await call(db, clock, getOrder, { id }, { key: tea });
      expect([id, res.status, res.body.code]).toEqual([id, 404, "NOT_FOUND"]);
    }
  });

  it("pages through the store's orders newest first by keyset, with none of another store's", async () => {
    const { db, clock } = await seededDb();
    const { storeId } = await lumen(db);
    const expected = (await rows<{ id: number }>(db, sql`SELECT id FROM orders WHERE store_id = ${storeId} ORDER BY id DESC`)).map((r) =>
      Number(r.id),
    );
    const seen: number[] = [];
    let after: number | null = null;
    do {
      const res = await call(db, clock, listOrders, {}, { query: `?limit=7${after ? `&startingAfter=${after}` : ""}` });
      expect(res.status).toBe(200);
      seen.push(...(res.body.data as { id: number }[]).map((o) => o.id));
      after = res.body.nextStartingAfter as number | null;
      expect(res.body.hasMore).toBe(after !== null);
    } while (after !== null);
    expect(seen).toEqual(expected);

    const bad = await call(db, clock, listOrders, {}, { query: "?limit=500" });
    expect([bad.status, bad.body.code, (bad.body.errors as { path: string }[])[0]?.path]).toEqual([400, "INVALID_REQUEST", "query.limit"]);
    const tea = await teaKey(db, clock);
    const teaIds = ((await call(db, clock, listOrders, {}, { key: tea, query: "?limit=100" })).body.data as { id: number }[]).map((o) => o.id);
    expect(teaIds.length).toBeGreaterThan(0);
    expect(teaIds.filter((id) => expected.includes(id))).toEqual([]);
  });
});

describe("merchant API POSTs", () => {
  it("refunds once per Idempotency-Key: a replay returns the first response, another body with the key is refused", async () => {
    const { db, clock } = await seededDb();
    const { completedOrder } = await lumen(db);
    const params = { id: String(completedOrder) };
    const before = await refundCount(db);
    const first = await call(db, clock, createOrderRefund, params, {
      idempotencyKey: "refund-key-0001",
      body: { amountFen: 1000, reason: "Damaged box" },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ object: "refund", orderId: completedOrder, amountFen: 1000, currency: "CNY" });

    const replay = await call(db, clock, createOrderRefund, params, {
      idempotencyKey: "refund-key-0001",
      body: { amountFen: 1000, reason: "Damaged box" },
    });
    expect([replay.status, replay.body, replay.headers.get("idempotent-replayed")]).toEqual([201, first.body, "true"]);
    // Another server (its own connections) sees the same stored response.
    const elsewhere = await call(secondConnection(db), clock, createOrderRefund, params, {
      idempotencyKey: "refund-key-0001",
      body: { amountFen: 1000, reason: "Damaged box" },
    });
    expect([elsewhere.status, elsewhere.body]).toEqual([201, first.body]);

    const reused = await call(db, clock, createOrderRefund, params, {
      idempotencyKey: "refund-key-0001",
      body: { amountFen: 2000, reason: "Damaged box" },
    });
    expect([reused.status, reused.body.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await refundCount(db)).toBe(before + 1);
  });

  it("lets a store Houfu deactivated read through the API but change nothing", async () => {
    const { db, clock } = await seededDb();
    const { storeId, completedOrder } = await lumen(db);
    await withTransaction(db, (tx) => exec(tx, sql`UPDATE stores SET active = ${bool(false)} WHERE id = ${storeId}`));
    const params = { id: String(completedOrder) };
    expect((await call(db, clock, getOrder, params)).status).toBe(200);
    const before = await refundCount(db);
    const refused = await call(db, clock, createOrderRefund, params, {
      idempotencyKey: "refund-key-ro01",
      body: { amountFen: 1000, reason: "Damaged box" },
    });
    expect([refused.status, refused.body.code]).toEqual([403, "STORE_READ_ONLY"]);
    expect(await refundCount(db)).toBe(before);
  });

  it("refuses a POST without an Idempotency-Key, or with a malformed body, writing nothing", async () => {
    const { db, clock } = await seededDb();
    const { completedOrder } = await lumen(db);
    const params = { id: String(completedOrder) };
    await call(db, clock, getOrder, params); // the key's last-used time is written by this first call
    const digest = await tableDigest(db);
    const cases: [Call, string][] = [
      [{ body: { amountFen: 100, reason: "No key" } }, "IDEMPOTENCY_KEY_REQUIRED"],
      [{ idempotencyKey: "short", body: { amountFen: 100, reason: "Short key" } }, "IDEMPOTENCY_KEY_REQUIRED"],
      [{ idempotencyKey: "malformed-0001", rawBody: "{amountFen: 1" }, "INVALID_JSON"],
      [{ idempotencyKey: "malformed-0002", body: { amountFen: 1.5, reason: "Fraction" } }, "INVALID_REQUEST"],
      [{ idempotencyKey: "malformed-0003", body: { amountFen: MAX_AMOUNT_FEN + 1, reason: "Too much" } }, "INVALID_REQUEST"],
      [{ idempotencyKey: "malformed-0004", body: { amountFen: "100", reason: "String" } }, "INVALID_REQUEST"],
      [{ idempotencyKey: "malformed-0005", body: { amountFen: 100 } }, "INVALID_REQUEST"],
      [{ idempotencyKey: "malformed-0006", body: { amountFen: 100, reason: "Extra", storeId: 2 } }, "INVALID_REQUEST"],
      [{ idempotencyKey: "malformed-0007", body: [1, 2] }, "INVALID_REQUEST"],
      [{ idempotencyKey: "malformed-0008", body: { amountFen: 100, reason: "nul\u0000byte" } }, "INVALID_REQUEST"],
    ];
    for (const [c, code] of cases) {
      const res = await call(db, clock, createOrderRefund, params, c);
      expect([c.idempotencyKey, res.status, res.body.code]).toEqual([c.idempotencyKey, 400, code]);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await tableDigest(db)).toBe(digest);
  });

  it("answers a refusal of the domain as problem details, and a replay of it the same", async () => {
    const { db, clock } = await seededDb();
    const { completedOrder, completedTotal } = await lumen(db);
    const params = { id: String(completedOrder) };
    const body = { amountFen: completedTotal + 1, reason: "Too much" };
    const res = await call(db, clock, createOrderRefund, params, { idempotencyKey: "too-large-0001", body });
    expect([res.status, res.body.code, res.body.title]).toEqual([422, "REFUND_TOO_LARGE", "Unprocessable content"]);
    expect(res.body.detail).toMatch(/can still be refunded/);
    const again = await call(db, clock, createOrderRefund, params, { idempotencyKey: "too-large-0001", body });
    expect([again.status, again.body]).toEqual([422, res.body]);
    const tea = await teaKey(db, clock);
    const foreign = await call(db, clock, createOrderRefund, params, {
      key: tea,
      idempotencyKey: "foreign-0001",
      body: { amountFen: 1, reason: "Not mine" },
    });
    expect([foreign.status, foreign.body.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("limits requests per key in the database, answering 429 with Retry-After until the window passes", async () => {
    const { db, clock } = await seededDb();
    const { completedOrder } = await lumen(db);
    const params = { id: String(completedOrder) };
    const rateLimit = { requests: 2, windowMs: 60_000 };
    expect((await call(db, clock, getOrder, params, { rateLimit })).status).toBe(200);
    clock.set(new Date(clock.now().getTime() + 20_000));
    // A second server shares the count.
    expect((await call(secondConnection(db), clock, getOrder, params, { rateLimit })).status).toBe(200);
    const limited = await call(db, clock, getOrder, params, { rateLimit });
    expect([limited.status, limited.body.code, limited.headers.get("retry-after")]).toEqual([429, "RATE_LIMITED", "40"]);
    const tea = await teaKey(db, clock);
    expect((await call(db, clock, listOrders, {}, { key: tea, rateLimit })).status).toBe(200);
    clock.set(new Date(clock.now().getTime() + 40_000));
    expect((await call(db, clock, getOrder, params, { rateLimit })).status).toBe(200);
  });
});

describe("OpenAPI document", () => {
  const doc = openApiDocument();
  const refs = (value: unknown): string[] =>
    value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v))) : [];

  it("is OpenAPI 3.1 with every endpoint, every $ref resolving to a component", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const e of ENDPOINTS) expect(doc.paths[e.path]?.[e.method.toLowerCase()]).toMatchObject({ operationId: e.operationId });
    const unresolved = refs(doc).filter((ref) => !(ref.replace("#/components/schemas/", "") in doc.components.schemas));
    expect(unresolved).toEqual([]);
    expect(refs(doc).length).toBeGreaterThan(3);
  });

  it("describes request bodies with the very schemas that validate them", () => {
    expect(doc.components.schemas.CreateRefund).toEqual(
      (({ $schema: _, ...rest }) => rest)(z.toJSONSchema(createRefund, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>),
    );
    expect(doc.components.schemas.CreateRefund).toMatchObject({
      properties: { amountFen: { type: "integer", minimum: 1, maximum: MAX_AMOUNT_FEN } },
      required: ["amountFen", "reason"],
      additionalProperties: false,
    });
    const post = doc.paths["/orders/{id}/refunds"]?.post as { parameters: { name: string; in: string; required: boolean }[] };
    expect(post.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "id", in: "path", required: true }),
        expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }),
      ]),
    );
  });
});
