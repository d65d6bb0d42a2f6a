// Stored Idempotency-Key responses are kept API_IDEMPOTENCY_RETENTION_MS (7 days) and purged by the credit jobs in
// bounded chunks: on the engine of the run (SQLite by default, PostgreSQL with HOUFU_TEST_ENGINE=pg).
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { instant } from "@/db/dialect";
import { rows } from "@/db/query";
import { createSession } from "@/server/api/v1/endpoints";
import { API_IDEMPOTENCY_RETENTION_MS, purgeExpiredIdempotencyKeys } from "@/server/services/developers/api-idempotency";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { callApi } from "./api-client";
import { count, SESSION, write } from "./checkout-sessions-fixture";
import { newKey } from "./fixtures";
import { seededDb } from "./helpers";

const HOUR_MS = 3_600_000;
const keys = async (db: Parameters<typeof rows>[0]) =>
  (await rows<{ k: string }>(db, sql`SELECT idempotency_key AS "k" FROM api_idempotency ORDER BY idempotency_key`)).map((r) => r.k);

describe("Idempotency-Key retention", () => {
  it("keeps a key for 7 days (a replay still returns the first session), then the jobs delete it and it counts as new", async () => {
    const { db, clock } = await seededDb();
    expect(API_IDEMPOTENCY_RETENTION_MS).toBe(7 * 24 * HOUR_MS);
    const old = newKey("old");
    const first = await callApi(db, clock, createSession, {}, { idempotencyKey: old, body: SESSION });
    clock.advanceDays(6);
    const fresh = newKey("fresh");
    await callApi(db, clock, createSession, {}, { idempotencyKey: fresh, body: SESSION });

    // Just inside the window: the jobs keep both, and the first request is replayed.
    clock.set(new Date(clock.now().getTime() + 24 * HOUR_MS - 1_000));
    expect((await runCreditJobs(db, clock.now())).idempotencyKeysPurged).toBe(0);
    const replay = await callApi(db, clock, createSession, {}, { idempotencyKey: old, body: SESSION });
    expect([replay.status, replay.headers.get("idempotent-replayed"), replay.body.id]).toEqual([201, "true", first.body.id]);
    const reused = await callApi(db, clock, createSession, {}, { idempotencyKey: old, body: { ...SESSION, merchantReference: "OTHER" } });
    expect([reused.status, reused.body.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);

    // Past 7 days the old key goes, the fresh one (a day old) stays.
    clock.set(new Date(clock.now().getTime() + 2_000));
    const report = await runCreditJobs(db, clock.now());
    expect(report.idempotencyKeysPurged).toBe(1);
    expect(await keys(db)).toEqual([fresh]);
    expect((await runCreditJobs(db, clock.now())).idempotencyKeysPurged).toBe(0);
    const again = await callApi(db, clock, createSession, {}, { idempotencyKey: old, body: SESSION });
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([201, null]);
    expect(again.body.id).not.toBe(first.body.id);
    const replayFresh = await callApi(db, clock, createSession, {}, { idempotencyKey: fresh, body: SESSION });
    expect(replayFresh.headers.get("idempotent-replayed")).toBe("true");
  });

  it("deletes in bounded chunks, oldest first, only what is past the retention", async () => {
    const { db, clock } = await seededDb();
    const store = sql`(SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'shop@example.com')`;
    const now = clock.now().getTime();
    const at = (ms: number) => instant(new Date(ms));
    for (let i = 0; i < 7; i++)
      await write(
        db,
        sql`INSERT INTO api_idempotency (store_id, idempotency_key, request_hash, response_status, response_body, created_at)
            VALUES (${store}, ${`stale-${i}`}, 'h', 201, '{}', ${at(now - API_IDEMPOTENCY_RETENTION_MS - (i + 1) * HOUR_MS)})`,
      );
    await write(
      db,
      sql`INSERT INTO api_idempotency (store_id, idempotency_key, request_hash, created_at)
          VALUES (${store}, 'edge', 'h', ${at(now - API_IDEMPOTENCY_RETENTION_MS + 1)})`,
    );
    const transactions: number[] = [];
    const purged = await purgeExpiredIdempotencyKeys(db, clock.now(), {
      batchSize: 3,
      hold: async (tx) => void transactions.push(await count(tx, sql`SELECT COUNT(*) AS "n" FROM api_idempotency`)),
    });
    expect(purged).toBe(7);
    // 8 rows, then 5, then 2: three chunks of at most 3 (the last finds 1).
    expect(transactions).toEqual([8, 5, 2]);
    expect(await keys(db)).toEqual(["edge"]);
  });
});
