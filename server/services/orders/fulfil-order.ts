import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orders, type OrderStatus } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { canAdvance, FORWARD_STEPS, type ForwardStep } from "@/server/domain/order-state";
import type { Shipment } from "@/server/domain/orders";
import type { Actor } from "@/server/services/audit/record-audit";
import { scopedOrder } from "./cancel-order";

/**
 * Moves a store's order one step forward (placed → shipped → completed); repeating a step that already happened is
 * a no-op. Shipping records the carrier and tracking number when given.
 */
export async function advanceOrder(
  db: Db,
  clock: Clock,
  input: { storeId: number; orderId: number; to: ForwardStep; actor: Actor; shipment?: Shipment },
) {
  return withTransaction(db, async (tx) => {
    const order = await scopedOrder(tx, input.orderId, { storeId: input.storeId });
    if (order.status === input.to) return { orderId: order.id, status: order.status };
    if (!canAdvance(order, input.to))
      throw new DomainError(
        "INVALID_TRANSITION",
        `Order ${order.number} is ${order.status}; only a ${FORWARD_STEPS[input.to]} order can be marked ${input.to}.`,
      );
    const now = clock.now();
    const carrier = input.to === "shipped" ? input.shipment?.carrier?.trim() || null : undefined;
    const tracking = input.to === "shipped" ? input.shipment?.trackingNumber?.trim() || null : undefined;
    await tx
      .update(orders)
      .set({ status: input.to, updatedAt: now, ...(input.to === "shipped" ? { shippingCarrier: carrier, trackingNumber: tracking } : {}) })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: input.to,
      actorUserId: input.actor.userId,
      note: carrier ? [carrier, tracking].filter(Boolean).join(" ") : null,
      createdAt: now,
    });
    return { orderId: order.id, status: input.to as OrderStatus };
  });
}
