// What the merchant API checkout tests share: a session body, a session made through the API, a session alice
// confirmed, and small reads of the credit and the tables.
import { expect } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exec, row } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import type { MovableClock } from "@/server/clock";
import { createSession } from "@/server/api/v1/endpoints";
import { createApiKey } from "@/server/services/developers/create-api-key";
import { callApi } from "./api-client";
import { newKey } from "./fixtures";
import { callerAs, userId } from "./helpers";

export const ITEMS = [
  { name: "Desk lamp", quantity: 2, unitPriceFen: 12_900 },
  { name: "Spare bulb", quantity: 1, unitPriceFen: 2_200 },
];
export const AMOUNT = 28_000;
export const SESSION = {
  amountFen: AMOUNT,
  merchantReference: "SHOP-1001",
  items: ITEMS,
  successUrl: "https://shop.test/done?x=1",
  cancelUrl: "https://shop.test/cart",
};

export async function newSession(db: Db, clock: MovableClock, body: Record<string, unknown> = SESSION) {
  const res = await callApi(db, clock, createSession, {}, { idempotencyKey: newKey("session"), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; url: string; status: string; expiresAt: string };
}

export const usedCredit = async (db: Db, email: string) =>
  Number((await row<{ n: number }>(db, sql`SELECT used_credit_fen AS "n" FROM credit_profiles WHERE user_id = ${await userId(db, email)}`))!.n);
/** A direct write (the test's own change to the data), in a transaction as every write is. */
export const write = (db: Db, query: ReturnType<typeof sql>) => withTransaction(db, (tx) => exec(tx, query));
export const count = async (db: Db, query: ReturnType<typeof sql>) => Number((await row<{ n: number }>(db, query))!.n);

export async function teaKey(db: Db, clock: MovableClock) {
  const tea = await row<{ id: number }>(db, sql`SELECT s.id FROM stores s JOIN users u ON u.id = s.owner_user_id WHERE u.email = 'tea@example.com'`);
  return (await createApiKey(db, clock, { storeId: tea!.id, actor: { userId: await userId(db, "tea@example.com"), role: "merchant" }, name: "Tea" }))
    .secret;
}

/** A session alice confirmed with Pay in 3: the authorized order's id. */
export async function authorized(db: Db, clock: MovableClock, body: Record<string, unknown> = SESSION) {
  const session = await newSession(db, clock, body);
  const alice = await callerAs(db, clock, "alice@example.com");
  const result = await alice.pay.confirm({ sessionId: session.id, planCode: "pay_in_3" });
  return { session, ...result };
}
