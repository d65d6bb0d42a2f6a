import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orders, type OrderStatus } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import type { Actor } from "@/server/services/audit/record-audit";
import { scopedOrder } from "./cancel-order";

// The merchant's forward steps: placed → shipped → completed.
const STEPS = { shipped: "placed", completed: "shipped" } as const satisfies Partial<Record<OrderStatus, OrderStatus>>;

/** Moves a store's order one step forward; repeating a step that already happened is a no-op. */
export async function advanceOrder(db: Db, clock: Clock, input: { storeId: number; orderId: number; to: keyof typeof STEPS; actor: Actor }) {
  return withTransaction(db, async (tx) => {
    const order = await scopedOrder(tx, input.orderId, { storeId: input.storeId });
    if (order.status === input.to) return { orderId: order.id, status: order.status };
    if (order.status !== STEPS[input.to])
      throw new DomainError(
        "INVALID_TRANSITION",
        `Order ${order.number} is ${order.status}; only a ${STEPS[input.to]} order can be marked ${input.to}.`,
      );
    const now = clock.now();
    await tx.update(orders).set({ status: input.to, updatedAt: now }).where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({ orderId: order.id, type: input.to, actorUserId: input.actor.userId, createdAt: now });
    return { orderId: order.id, status: input.to as OrderStatus };
  });
}
