// What a shop does with an authorized order through the API: capture it (all or part; the bill starts then) or void
// it (the credit is released). Each runs in one transaction with the order row locked, so a capture and a void, or
// two captures, cannot both land.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { forUpdate, toDate } from "@/db/dialect";
import { row } from "@/db/query";
import { bills, instalments, orderEvents, orders } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { localDate } from "@/server/calendar";
import type { Clock } from "@/server/clock";
import { assertOk, DomainError } from "@/server/domain/errors";
import { buildSchedule } from "@/server/domain/instalments";
import { checkCapture, checkVoid } from "@/server/domain/merchant-checkout";
import { changeUsedCredit } from "@/server/services/credit/ledger";
import { policyByVersion } from "@/server/services/policy/current-policy";
import { recordEvent } from "@/server/services/webhooks/record-event";
import { getApiOrder } from "./api-orders";

type LockedOrder = {
  id: number;
  number: string;
  status: string;
  consumerId: number;
  storeId: number;
  planCode: string | null;
  policyVersion: number;
  authorizedFen: number | null;
  authorizedUntil: Date | null;
};

/** The store's order, locked for this transaction (PostgreSQL; SQLite's transaction holds the database). */
async function lockStoreOrder(tx: Db, orderId: number, storeId: number): Promise<LockedOrder> {
  const found = await row<Record<string, unknown>>(
    tx,
    sql`SELECT id, number, status, consumer_id, store_id, plan_code, policy_version, authorized_fen, authorized_until
      FROM orders WHERE id = ${orderId} AND store_id = ${storeId}${forUpdate()}`,
  );
  if (!found) throw new DomainError("NOT_FOUND", "No such order in your store.");
  const until = found.authorized_until;
  return {
    id: Number(found.id),
    number: String(found.number),
    status: String(found.status),
    consumerId: Number(found.consumer_id),
    storeId: Number(found.store_id),
    planCode: (found.plan_code as string | null) ?? null,
    policyVersion: Number(found.policy_version),
    authorizedFen: found.authorized_fen === null ? null : Number(found.authorized_fen),
    authorizedUntil: until === null || until === undefined ? null : toDate(until),
  };
}

export type Capture = { orderId: number; capturedFen: number; releasedFen: number; billId: number };

/**
 * Captures `amountFen` (default: all) of an authorization: the bill and its instalments are made now, under the plan
 * and policy version the shopper confirmed, due dates counted from today; whatever was not captured is released.
 */
export async function captureOrder(db: Db, clock: Clock, input: { orderId: number; storeId: number; amountFen?: number }): Promise<Capture> {
  return withTransaction(
    db,
    async (tx) => {
      const order = await lockStoreOrder(tx, input.orderId, input.storeId);
      const now = clock.now();
      const amountFen = input.amountFen ?? order.authorizedFen ?? 0;
      assertOk(checkCapture(order, amountFen, now));
      const authorizedFen = order.authorizedFen!;
      const policy = await policyByVersion(tx, order.policyVersion);
      // The plan the shopper confirmed, on the terms of that version (even if it is no longer offered).
      const plan = policy.params.plans.find((p) => p.code === order.planCode);
      if (!plan) throw new DomainError("PLAN_UNAVAILABLE", `Order ${order.number} has no pay-later plan.`);

      const [bill] = await tx
        .insert(bills)
        .values({
          orderId: order.id,
          consumerId: order.consumerId,
          storeId: order.storeId,
          policyVersion: policy.version,
          planCode: plan.code,
          totalFen: amountFen,
          status: "open",
          createdAt: now,
        })
        .returning({ id: bills.id });
      const schedule = buildSchedule(amountFen, plan, localDate(now), policy.params.graceDays);
      await tx
        .insert(instalments)
        .values(schedule.map((i) => ({ billId: bill!.id, consumerId: order.consumerId, storeId: order.storeId, ...i, state: "open" as const })));
      // The reservation becomes the bill's principal; the part not captured is released.
      await changeUsedCredit(tx, order.consumerId, amountFen - authorizedFen, now);
      await tx
        .update(orders)
        .set({ status: "placed", totalFen: amountFen, capturedAt: now, updatedAt: now })
        .where(and(eq(orders.id, order.id), eq(orders.status, "authorized")));
      await tx.insert(orderEvents).values({ orderId: order.id, type: "captured", amountFen, createdAt: now });
      await recordEvent(tx, {
        merchantId: order.storeId,
        type: "order.captured",
        data: () => getApiOrder(tx, { storeId: order.storeId, orderId: order.id }),
        at: now,
      });
      return { orderId: order.id, capturedFen: amountFen, releasedFen: authorizedFen - amountFen, billId: bill!.id };
    },
    { isolation: "read committed" },
  );
}

/** Voids an authorization that was not captured: the order is cancelled and its reserved credit released. */
export async function voidAuthorization(
  db: Db,
  clock: Clock,
  input: { orderId: number; storeId: number },
): Promise<{ orderId: number; releasedFen: number }> {
  return withTransaction(
    db,
    async (tx) => {
      const order = await lockStoreOrder(tx, input.orderId, input.storeId);
      const now = clock.now();
      assertOk(checkVoid(order, now));
      await changeUsedCredit(tx, order.consumerId, -order.authorizedFen!, now);
      await tx
        .update(orders)
        .set({ status: "cancelled", updatedAt: now })
        .where(and(eq(orders.id, order.id), eq(orders.status, "authorized")));
      await tx
        .insert(orderEvents)
        .values({ orderId: order.id, type: "cancelled", amountFen: order.authorizedFen, note: "Authorization voided", createdAt: now });
      await recordEvent(tx, {
        merchantId: order.storeId,
        type: "order.cancelled",
        data: () => getApiOrder(tx, { storeId: order.storeId, orderId: order.id }),
        at: now,
      });
      return { orderId: order.id, releasedFen: order.authorizedFen! };
    },
    { isolation: "read committed" },
  );
}
