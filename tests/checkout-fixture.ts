// Products, orders and read-backs the checkout tests share.
import { eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { first, row } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { creditProfiles, products, stores } from "@/db/schema";
import { CARD, newKey, SHIPPING } from "./fixtures";

export const MOUSE = "Nimbus Wireless Mouse"; // ¥149, stock 120
export const POWER_BANK = "Orbit 10,000 mAh Power Bank"; // stock 0
export const TAB = "Lumen Tab 11"; // ¥3,299, stock 20
export const LONGJING = "West Lake Longjing Green Tea 250g"; // Cloud Tea House

export async function product(db: Db, name: string) {
  return (await first(db.select().from(products).where(eq(products.name, name))))!;
}

export async function lumen(db: Db) {
  return (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
}

export async function domainCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return (error.cause as { code?: string } | undefined)?.code ?? error.code;
    throw error;
  }
}

/** A direct write that sets up a case, in a transaction as every write must be. */
export async function write(db: Db, statement: (tx: Db) => PromiseLike<unknown>): Promise<void> {
  await withTransaction(db, async (tx) => {
    await statement(tx);
  });
}

/** Row counts of everything an order writes, and the stock and credit it moves. */
export async function footprint(db: Db) {
  const count = async (table: string) => (await row<{ n: number }>(db, sql.raw(`SELECT COUNT(*) AS n FROM ${table}`)))!.n;
  return {
    orders: await count("orders"),
    orderLines: await count("order_lines"),
    orderEvents: await count("order_events"),
    bills: await count("bills"),
    instalments: await count("instalments"),
    payments: await count("payments"),
    cartItems: await count("cart_items"),
    stock: (await row<{ n: number }>(db, sql`SELECT SUM(stock) AS n FROM products`))!.n,
    usedCredit: (await row<{ n: number }>(db, sql`SELECT SUM(used_credit_fen) AS n FROM credit_profiles`))!.n,
  };
}

export async function orderLines(db: Db, items: [string, number][]) {
  const lines: { productId: number; quantity: number }[] = [];
  for (const [name, quantity] of items) lines.push({ productId: (await product(db, name)).id, quantity });
  return lines;
}

/** What the checkout page would show for these items. */
export async function shownTotal(db: Db, items: [string, number][]) {
  let total = 0;
  for (const [name, quantity] of items) total += (await product(db, name)).priceFen * quantity;
  return total;
}

export async function payLaterOrder(db: Db, items: [string, number][], planCode: "pay_in_30" | "pay_in_3" = "pay_in_3") {
  return {
    ...SHIPPING,
    idempotencyKey: newKey(),
    lines: await orderLines(db, items),
    paymentMethod: "pay_later" as const,
    planCode,
    expectedTotalFen: await shownTotal(db, items),
  };
}

export async function payNowOrder(db: Db, items: [string, number][], cardNumber = CARD) {
  return {
    ...SHIPPING,
    idempotencyKey: newKey(),
    lines: await orderLines(db, items),
    paymentMethod: "pay_now" as const,
    cardNumber,
    expectedTotalFen: await shownTotal(db, items),
  };
}

/** Unpaid principal of the consumer's open instalments: what used credit must equal. */
export async function unpaidPrincipal(db: Db, consumerId: number): Promise<number> {
  return (await row<{ n: number }>(
    db,
    sql`SELECT COALESCE(SUM(amount_fen - paid_principal_fen), 0) AS n FROM instalments WHERE consumer_id = ${consumerId} AND state = 'open'`,
  ))!.n;
}

export async function usedCredit(db: Db, consumerId: number): Promise<number> {
  return (await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, consumerId))))!.usedCreditFen;
}
