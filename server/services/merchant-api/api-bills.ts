// The merchant API's view of bills and instalments: what webhooks carry for instalment.* and bill.* events.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, instalments, orders } from "@/db/schema";
import { instalmentStatus } from "@/server/domain/instalments";

type InstalmentRow = typeof instalments.$inferSelect;

function instalmentView(row: InstalmentRow, orderId: number, today: string) {
  return {
    id: row.id,
    object: "instalment" as const,
    orderId,
    billId: row.billId,
    sequence: row.seq,
    dueDate: row.dueDate,
    amountFen: row.amountFen,
    paidFen: row.paidPrincipalFen,
    lateFeeFen: row.lateFeeFen,
    paidFeeFen: row.paidFeeFen,
    status: instalmentStatus(row, today),
    paidAt: row.paidAt ? row.paidAt.toISOString() : null,
    currency: "CNY" as const,
  };
}
export type ApiInstalment = ReturnType<typeof instalmentView>;

/** The instalments with these ids, as the API shows them on `today`, by id (one query). */
export async function apiInstalments(db: Db, ids: readonly number[], today: string): Promise<Map<number, ApiInstalment>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ instalment: instalments, orderId: bills.orderId })
    .from(instalments)
    .innerJoin(bills, eq(bills.id, instalments.billId))
    .where(inArray(instalments.id, [...ids]));
  return new Map(found.map((r) => [r.instalment.id, instalmentView(r.instalment, r.orderId, today)]));
}

/** A bill with its instalments, as the API shows it on `today`. */
export async function apiBill(db: Db, billId: number, today: string) {
  const [bill] = await db
    .select({ bill: bills, orderNumber: orders.number })
    .from(bills)
    .innerJoin(orders, eq(orders.id, bills.orderId))
    .where(eq(bills.id, billId));
  if (!bill) throw new Error(`No bill ${billId}`);
  const rows = await db.select().from(instalments).where(eq(instalments.billId, billId)).orderBy(asc(instalments.seq));
  return {
    id: bill.bill.id,
    object: "bill" as const,
    orderId: bill.bill.orderId,
    orderNumber: bill.orderNumber,
    planCode: bill.bill.planCode,
    amountFen: bill.bill.totalFen,
    status: bill.bill.status,
    currency: "CNY" as const,
    instalments: rows.map((r) => instalmentView(r, bill.bill.orderId, today)),
  };
}
