import { createHash, randomFillSync } from "node:crypto";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/prepared";
import { isUniqueViolation, withTransaction } from "@/db/transaction";
import { bills, cartItems, instalments, orderEvents, orderLines, orders, payments, products } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { assertOk, DomainError } from "@/server/domain/errors";
import { formatFen } from "@/server/domain/money";
import { buildSchedule } from "@/server/domain/instalments";
import { orderNumber, orderRequestCanonical, type Shipping } from "@/server/domain/orders";
import { findPlan, type PlanCode } from "@/server/domain/policy";
import { changeUsedCredit, lockCreditProfile } from "@/server/services/credit/ledger";
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
  /** The total the consumer saw and confirmed: the order is placed only at that total. */
  expectedTotalFen: number;
};

export type PlacedOrder = { orderId: number; number: string; replayed: boolean };

type Charge = { amountFen: number; providerRef: string; cardLast4: string };

type InstalmentRow = typeof instalments.$inferInsert;
type LineRow = typeof orderLines.$inferInsert;

// Checkout's statements, prepared once per connection (Drizzle builds the SQL and SQLite compiles it once;
// PostgreSQL parses each named statement once per pooled connection). Multi-row inserts are prepared per row
// count (one name per count, as each count is its own SQL): an order has few lines, a plan few instalments.
type Statement = { execute: (values: Record<string, unknown>) => Promise<unknown> };
const statements = perConnection((db) => {
  const p = sql.placeholder;
  const manyLines = new Map<number, Statement>();
  const manyInstalments = new Map<number, Statement>();
  return {
    orderByKey: db
      .select({ orderId: orders.id, number: orders.number, requestHash: orders.requestHash })
      .from(orders)
      .where(and(eq(orders.consumerId, p("consumerId")), eq(orders.idempotencyKey, p("key"))))
      .prepare("place_order_by_key"),
    numberTaken: db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.number, p("number")))
      .prepare("place_order_number_taken"),
    reserveStock: db
      .update(products)
      .set({ stock: sql`${products.stock} - ${p("quantity")}` })
      .where(and(eq(products.id, p("productId")), gte(products.stock, p("quantity"))))
      .returning({ id: products.id })
      .prepare("place_order_reserve_stock"),
    insertOrder: db
      .insert(orders)
      .values({
        number: p("number"),
        consumerId: p("consumerId"),
        storeId: p("storeId"),
        status: "placed",
        paymentMethod: p("paymentMethod"),
        planCode: p("planCode"),
        totalFen: p("totalFen"),
        shippingName: p("shippingName"),
        shippingPhone: p("shippingPhone"),
        shippingAddress: p("shippingAddress"),
        policyVersion: p("policyVersion"),
        idempotencyKey: p("idempotencyKey"),
        requestHash: p("requestHash"),
        createdAt: p("now"),
        updatedAt: p("now"),
      })
      .returning({ id: orders.id })
      .prepare("place_order_insert_order"),
    insertEvent: db
      .insert(orderEvents)
      .values({ orderId: p("orderId"), type: p("type"), actorUserId: p("actorUserId"), amountFen: p("amountFen"), createdAt: p("now") })
      .prepare("place_order_insert_event"),
    insertBill: db
      .insert(bills)
      .values({
        orderId: p("orderId"),
        consumerId: p("consumerId"),
        storeId: p("storeId"),
        policyVersion: p("policyVersion"),
        planCode: p("planCode"),
        totalFen: p("totalFen"),
        status: "open",
        createdAt: p("now"),
      })
      .returning({ id: bills.id })
      .prepare("place_order_insert_bill"),
    clearCart: db
      .delete(cartItems)
      .where(eq(cartItems.userId, p("consumerId")))
      .prepare("place_order_clear_cart"),
    async insertLines(rows: LineRow[]) {
      let statement = manyLines.get(rows.length);
      if (!statement) {
        const keys = ["orderId", "productId", "productName", "unitPriceFen", "quantity"] as const;
        statement = db
          .insert(orderLines)
          .values(rows.map((_, i) => Object.fromEntries(keys.map((k) => [k, p(`${k}${i}`)])) as never))
          .prepare(`place_order_insert_lines_${rows.length}`);
        manyLines.set(rows.length, statement);
      }
      await statement.execute(flatten(rows));
    },
    async insertInstalments(rows: InstalmentRow[]) {
      let statement = manyInstalments.get(rows.length);
      if (!statement) {
        const keys = ["billId", "consumerId", "storeId", "seq", "dueDate", "overdueOn", "amountFen", "state"] as const;
        statement = db
          .insert(instalments)
          .values(rows.map((_, i) => Object.fromEntries(keys.map((k) => [k, p(`${k}${i}`)])) as never))
          .prepare(`place_order_insert_instalments_${rows.length}`);
        manyInstalments.set(rows.length, statement);
      }
      await statement.execute(flatten(rows));
    },
  };
});

function flatten(rows: Record<string, unknown>[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) values[`${k}${i}`] = v;
  });
  return values;
}

/** The order placed earlier with this key, if any; refused when that order was asked for with a different request. */
async function replayOf(db: Db, input: PlaceOrderInput): Promise<PlacedOrder | undefined> {
  const rows = (await statements(db).orderByKey.execute({ consumerId: input.consumerId, key: input.idempotencyKey })) as {
    orderId: number;
    number: string;
    requestHash: string | null;
  }[];
  const first = rows[0];
  if (!first) return undefined;
  if (first.requestHash !== null && first.requestHash !== orderRequestHash(input))
    throw new DomainError("IDEMPOTENCY_MISMATCH", "This order request was already used for a different order. Reload the page and try again.");
  return { orderId: first.orderId, number: first.number, replayed: true };
}

/**
 * Places an order in one transaction: re-checks pay-later eligibility under the current
 * policy, reserves stock, writes the order, its lines and event, the bill and instalments (pay later)
 * or the payment (pay now), adds to used credit and clears the cart. Pay now is charged before the
 * transaction (a decline writes nothing) and refunded if the transaction then refuses.
 * A replay of the same idempotency key returns the first order and writes nothing, also when it raced the
 * first request and lost on the unique index (PostgreSQL); the same key with a different request is refused
 * (IDEMPOTENCY_MISMATCH).
 */
export async function placeOrder(db: Db, clock: Clock, input: PlaceOrderInput, provider: PaymentProvider = simulatedProvider): Promise<PlacedOrder> {
  let charge: Charge | null = null;
  if (input.payment.method === "pay_now") {
    // Only a card charge needs the replay check before the transaction (pay later is checked inside it).
    const replay = await replayOf(db, input);
    if (replay) return replay;
    const priced = await priceLines(db, input.lines);
    // Checked before charging too, so a changed price never reaches the card.
    if (priced.totalFen !== input.expectedTotalFen) throw priceChanged(priced.totalFen, input.expectedTotalFen);
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
    // READ COMMITTED with the consumer's profile locked first (lockCreditProfile): concurrent checkouts at one
    // store then queue on the store's receivable_days rows instead of failing serialization over and over.
    placed = await withTransaction(db, (tx) => writeOrder(tx, clock, input, charge), { isolation: "read committed" });
  } catch (error) {
    // A concurrent request with the same key committed its order while this one ran (PostgreSQL:
    // orders_idempotency_uq): that order is the answer, unless it was asked for with a different request.
    let first: PlacedOrder | undefined;
    let refusal = error;
    if (isUniqueViolation(error)) first = await replayOf(db, input).catch((mismatch: unknown) => void (refusal = mismatch));
    if (!first) {
      if (charge) await provider.refund({ amountFen: charge.amountFen, reason: "Order not placed" });
      throw refusal;
    }
    placed = first;
  }
  // Another request with the same key won the race: this charge is not needed.
  if (placed.replayed && charge) await provider.refund({ amountFen: charge.amountFen, reason: "Duplicate order request" });
  return placed;
}

// Runs inside the transaction (perhaps more than once on PostgreSQL): database work only.
async function writeOrder(tx: Db, clock: Clock, input: PlaceOrderInput, charge: Charge | null): Promise<PlacedOrder> {
  const s = statements(tx);
  // Everything below reads after this lock: the key, the credit, the status and what is overdue are current.
  await lockCreditProfile(tx, input.consumerId);
  const replay = await replayOf(tx, input);
  if (replay) return replay;

  const now = clock.now();
  const today = localDate(now);
  const policy = await currentPolicy(tx);
  const { store, terms, lines, totalFen } = await priceLines(tx, input.lines);
  if (totalFen !== input.expectedTotalFen) throw priceChanged(totalFen, input.expectedTotalFen);

  const plan = input.payment.method === "pay_later" ? findPlan(policy.params, input.payment.planCode) : null;
  if (input.payment.method === "pay_later") {
    if (!plan) throw new DomainError("PLAN_UNAVAILABLE", "That plan is not offered right now. Choose another.");
    assertOk(await payLaterVerdict(tx, { consumerId: input.consumerId, storeId: store.id, totalFen, today, policy: policy.params, terms }));
  }

  for (const line of lines) {
    const reserved = await s.reserveStock.execute({ productId: line.productId, quantity: line.quantity });
    if (reserved.length === 0) throw new DomainError("OUT_OF_STOCK", `${line.name} sold out while you were checking out.`);
  }

  const number = await uniqueOrderNumber(tx, today);
  const order = (
    await s.insertOrder.execute({
      number,
      consumerId: input.consumerId,
      storeId: store.id,
      paymentMethod: input.payment.method,
      planCode: plan?.code ?? null,
      totalFen,
      shippingName: input.shipping.shippingName,
      shippingPhone: input.shipping.shippingPhone,
      shippingAddress: input.shipping.shippingAddress,
      policyVersion: policy.version,
      idempotencyKey: input.idempotencyKey,
      requestHash: orderRequestHash(input),
      now,
    })
  )[0]!;
  await s.insertLines(
    lines.map((l) => ({ orderId: order.id, productId: l.productId, productName: l.name, unitPriceFen: l.unitPriceFen, quantity: l.quantity })),
  );
  await s.insertEvent.execute({ orderId: order.id, type: "placed", actorUserId: input.consumerId, amountFen: totalFen, now });

  if (charge) {
    await tx.insert(payments).values({
      consumerId: input.consumerId,
      orderId: order.id,
      kind: "order",
      amountFen: totalFen,
      cardLast4: charge.cardLast4,
      providerRef: charge.providerRef,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    });
    await s.insertEvent.execute({ orderId: order.id, type: "paid", actorUserId: input.consumerId, amountFen: totalFen, now });
  }
  if (plan) {
    const bill = (
      await s.insertBill.execute({
        orderId: order.id,
        consumerId: input.consumerId,
        storeId: store.id,
        policyVersion: policy.version,
        planCode: plan.code,
        totalFen,
        now,
      })
    )[0]!;
    const schedule = buildSchedule(totalFen, plan, today, policy.params.graceDays);
    await s.insertInstalments(
      schedule.map((i) => ({ billId: bill.id, consumerId: input.consumerId, storeId: store.id, ...i, state: "open" as const })),
    );
    await changeUsedCredit(tx, input.consumerId, totalFen, now);
  }
  await s.clearCart.execute({ consumerId: input.consumerId });
  return { orderId: order.id, number, replayed: false };
}

function priceChanged(totalFen: number, shownFen: number): DomainError {
  return new DomainError(
    "PRICE_CHANGED",
    `The total is now ${formatFen(totalFen)}, not the ${formatFen(shownFen)} you confirmed. Nothing was charged or ordered; check the new total and place the order again.`,
  );
}

// Random bytes drawn from a pool refilled 4 KiB at a time: one system call per ~800 orders, not one per order.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function randomFive(): Uint8Array {
  if (poolAt + 5 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 5;
  return pool.subarray(poolAt - 5, poolAt);
}

/** A fresh order number for `today`, unused so far. */
export async function uniqueOrderNumber(tx: Db, today: string): Promise<string> {
  const { numberTaken } = statements(tx);
  for (;;) {
    const number = orderNumber(today, randomFive());
    if ((await numberTaken.execute({ number })).length === 0) return number;
  }
}

/** The fingerprint of an order request kept with the order (server/domain/orders.ts says what it covers). */
function orderRequestHash(input: PlaceOrderInput): string {
  return createHash("sha256").update(orderRequestCanonical(input)).digest("hex");
}
