// The credit jobs' expiry of merchant API authorizations not captured within the policy's window.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inIds, instant } from "@/db/dialect";
import { rows } from "@/db/query";
import { orderEvents } from "@/db/schema";
import { changeUsedCredit } from "@/server/services/credit/ledger";
import { recordEvents } from "@/server/services/webhooks/record-event";
import { apiOrdersByIds } from "./api-orders";

/** Authorized orders whose deadline has passed at `at` (the partial index orders_authorized_until_idx holds exactly the authorized). */
export async function expiredAuthorizationIds(db: Db, at: Date): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM orders WHERE status = 'authorized' AND authorized_until <= ${instant(at)} ORDER BY id`,
  );
  return found.map((r) => Number(r.id));
}

/**
 * Expires those of `ids` still authorized and past their deadline, releasing each one's reserved credit. The
 * conditional UPDATE is the once-only guard: a concurrent run (or a capture that got there first) leaves nothing to
 * expire. Returns how many it expired.
 */
export async function expireAuthorizations(tx: Db, ids: readonly number[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const expired = await rows<{ id: number; storeId: number; consumerId: number; authorizedFen: number }>(
    tx,
    sql`UPDATE orders SET status = 'expired', updated_at = ${instant(at)}
      WHERE ${inIds(sql`id`, ids)} AND status = 'authorized' AND authorized_until <= ${instant(at)}
      RETURNING id, store_id AS "storeId", consumer_id AS "consumerId", authorized_fen AS "authorizedFen"`,
  );
  if (expired.length === 0) return 0;
  for (const order of expired) await changeUsedCredit(tx, Number(order.consumerId), -Number(order.authorizedFen), at);
  await tx
    .insert(orderEvents)
    .values(expired.map((order) => ({ orderId: Number(order.id), type: "expired" as const, amountFen: Number(order.authorizedFen), createdAt: at })));
  // order.expired for the stores whose endpoints ask for it: one read of endpoints and one of the orders per batch.
  await recordEvents(tx, {
    type: "order.expired",
    at,
    items: expired.map((order) => ({ merchantId: Number(order.storeId), key: Number(order.id) })),
    dataOf: (orderIds) => apiOrdersByIds(tx, orderIds),
  });
  return expired.length;
}
