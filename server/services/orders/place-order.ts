import { randomBytes } from "node:crypto";
import { and, eq, gte, sql } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { bills, cartItems, instalments, orderEvents, orderLines, orders, payments, products } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/domain/dates";
import { assertOk, DomainError } from "@/server/domain/errors";
import { buildSchedule } from "@/server/domain/instalments";
import { orderNumber, type Shipping } from "@/server/domain/orders";
import { findPlan, type PlanCode } from "@/server/domain/policy";
import { changeUsedCredit } from "@/server/services/credit/ledger";
import { simulatedProvider, type PaymentProvider } from "@/server/services/payments/provider";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { payLaterVerdict } from "./pay-later-verdict";
import { priceLines, type RequestedLine } from "./price-lines";

export type PaymentChoice = { method: "pay_later"; planCode: PlanCode } | { method: "pay_now"; cardNumber: string };

export type PlaceOrderInput = {
  consumerId: number;
  idempotencyKey: string;
  lines: RequestedLine[];
  shipping: Shipping;
  payment: PaymentChoice;
};

export type PlacedOrder = { orderId: number; number: string; replayed: boolean };

type Charge = { amountFen: number; providerRef: string; cardLast4: string };

function orderByKey(db: Db, consumerId: number, idempotencyKey: string) {
  return db
    .select({ orderId: orders.id, number: orders.number })
    .from(orders)
    .where(and(eq(orders.consumerId, consumerId), eq(orders.idempotencyKey, idempotencyKey)))
    .get();
}

/**
 * Places an order in one immediate transaction: re-checks pay-later eligibility under the current
 * policy, reserves stock, writes the order, its lines and event, the bill and instalments (pay later)
 * or the payment (pay now), adds to used credit and clears the cart. Pay now is charged before the
 * transaction (a decline writes nothing) and refunded if the transaction then refuses.
 * A replay of the same idempotency key returns the first order and writes nothing.
 */
export async function placeOrder(db: Db, clock: Clock, input: PlaceOrderInput, provider: PaymentProvider = simulatedProvider): Promise<PlacedOrder> {
  const first = orderByKey(db, input.consumerId, input.idempotencyKey);
  if (first) return { ...first, replayed: true };

  let charge: Charge | null = null;
  if (input.payment.method === "pay_now") {
    const priced = priceLines(db, input.lines);
    const result = await provider.charge({
      amountFen: priced.totalFen,
      cardNumber: input.payment.cardNumber,
      idempotencyKey: input.idempotencyKey,
      description: `Houfu order at ${priced.store.name}`,
    });
    if (!result.ok) throw new DomainError("PAYMENT_DECLINED", result.message);
    charge = { amountFen: priced.totalFen, providerRef: result.providerRef, cardLast4: result.cardLast4 };
  }

  let placed: PlacedOrder;
  try {
    placed = immediate(db, (tx) => writeOrder(tx, clock, input, charge));
  } catch (error) {
    if (charge) await provider.refund({ amountFen: charge.amountFen, reason: "Order not placed" });
    throw error;
  }
  // Another request with the same key won the race: this charge is not needed.
  if (placed.replayed && charge) await provider.refund({ amountFen: charge.amountFen, reason: "Duplicate order request" });
  return placed;
}

function writeOrder(tx: Db, clock: Clock, input: PlaceOrderInput, charge: Charge | null): PlacedOrder {
  const replay = orderByKey(tx, input.consumerId, input.idempotencyKey);
  if (replay) return { ...replay, replayed: true };

  const now = clock.now();
  const today = localDate(now);
  const policy = currentPolicy(tx);
  const { store, lines, totalFen } = priceLines(tx, input.lines);
  if (charge && charge.amountFen !== totalFen)
    throw new DomainError("PRICE_CHANGED", "A price changed while you were checking out. Nothing was charged; review your cart and try again.");

  const plan = input.payment.method === "pay_later" ? findPlan(policy.params, input.payment.planCode) : null;
  if (input.payment.method === "pay_later") {
    if (!plan) throw new DomainError("PLAN_UNAVAILABLE", "That plan is not offered right now. Choose another.");
    assertOk(payLaterVerdict(tx, { consumerId: input.consumerId, storeId: store.id, totalFen, today, policy: policy.params }));
  }

  for (const line of lines) {
    const reserved = tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${line.quantity}` })
      .where(and(eq(products.id, line.productId), gte(products.stock, line.quantity)))
      .run();
    if (reserved.changes === 0) throw new DomainError("OUT_OF_STOCK", `${line.name} sold out while you were checking out.`);
  }

  const order = tx
    .insert(orders)
    .values({
      number: uniqueOrderNumber(tx, today),
      consumerId: input.consumerId,
      storeId: store.id,
      status: "placed",
      paymentMethod: input.payment.method,
      planCode: plan?.code ?? null,
      totalFen,
      ...input.shipping,
      policyVersion: policy.version,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: orders.id, number: orders.number })
    .get();
  tx.insert(orderLines).values(lines.map((l) => ({ orderId: order.id, productId: l.productId, productName: l.name, unitPriceFen: l.unitPriceFen, quantity: l.quantity }))).run();
  tx.insert(orderEvents).values({ orderId: order.id, type: "placed", actorUserId: input.consumerId, amountFen: totalFen, createdAt: now }).run();

  if (charge) {
    tx.insert(payments).values({ consumerId: input.consumerId, orderId: order.id, kind: "order", amountFen: totalFen, cardLast4: charge.cardLast4, providerRef: charge.providerRef, idempotencyKey: input.idempotencyKey, createdAt: now }).run();
    tx.insert(orderEvents).values({ orderId: order.id, type: "paid", actorUserId: input.consumerId, amountFen: totalFen, createdAt: now }).run();
  }
  if (plan) {
    const bill = tx
      .insert(bills)
      .values({ orderId: order.id, consumerId: input.consumerId, storeId: store.id, policyVersion: policy.version, planCode: plan.code, totalFen, status: "open", createdAt: now })
      .returning({ id: bills.id })
      .get();
    const schedule = buildSchedule(totalFen, plan, today, policy.params.graceDays);
    tx.insert(instalments).values(schedule.map((i) => ({ billId: bill.id, consumerId: input.consumerId, storeId: store.id, ...i, state: "open" as const }))).run();
    changeUsedCredit(tx, input.consumerId, totalFen, now);
  }
  tx.delete(cartItems).where(eq(cartItems.userId, input.consumerId)).run();
  return { orderId: order.id, number: order.number, replayed: false };
}

function uniqueOrderNumber(tx: Db, today: string): string {
  for (;;) {
    const number = orderNumber(today, randomBytes(5));
    if (!tx.select({ id: orders.id }).from(orders).where(eq(orders.number, number)).get()) return number;
  }
}
