import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, dueDateExtensions, instalments, orders, stores } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { nextInstalmentOwedFen, owedTotals, viewInstalment, type InstalmentView } from "@/server/domain/bills";
import { localDate } from "@/server/calendar";
import { billPolicies } from "./bill-policy";

/** How many paid bills the page keeps showing after they are settled. */
export const RECENT_PAID_BILLS = 5;

export type BillView = {
  id: number;
  orderId: number;
  orderNumber: string;
  storeName: string;
  planCode: string;
  planLabel: string;
  totalFen: number;
  status: "open" | "paid" | "void";
  createdAt: Date;
  owedFen: number;
  overdueFen: number;
  nextInstalmentFen: number;
  instalments: InstalmentView[];
  /** Due-date extension: the policy's terms for this bill, and the move made on its order, if any. */
  extension: { maxDays: number; feeFen: number; made: { seq: number; fromDate: string; toDate: string } | null };
};

/** A bill as its lists show it (joined to its store): the consumer's bills page and the admin's consumer page. */
export const billColumns = {
  id: bills.id,
  orderId: bills.orderId,
  storeName: stores.name,
  planCode: bills.planCode,
  policyVersion: bills.policyVersion,
  totalFen: bills.totalFen,
  status: bills.status,
  createdAt: bills.createdAt,
};

/** Every open bill of the consumer and the most recently paid ones, with derived statuses for today. */
export async function listBills(db: Db, clock: Clock, consumerId: number) {
  const today = localDate(clock.now());
  const columns = { ...billColumns, orderNumber: orders.number };
  const base = () => db.select(columns).from(bills).innerJoin(orders, eq(orders.id, bills.orderId)).innerJoin(stores, eq(stores.id, bills.storeId));
  const open = await base()
    .where(and(eq(bills.consumerId, consumerId), eq(bills.status, "open")))
    .orderBy(asc(bills.id));
  const paid = await base()
    .where(and(eq(bills.consumerId, consumerId), eq(bills.status, "paid")))
    .orderBy(desc(bills.id))
    .limit(RECENT_PAID_BILLS);
  const rows = [...open, ...paid];

  const ids = rows.map((b) => b.id);
  const allInstalments = ids.length
    ? await db.select().from(instalments).where(inArray(instalments.billId, ids)).orderBy(asc(instalments.billId), asc(instalments.seq))
    : [];
  const policyOf = billPolicies(db);
  const extensions = ids.length ? await db.select().from(dueDateExtensions).where(inArray(dueDateExtensions.billId, ids)) : [];

  const views: BillView[] = [];
  for (const bill of rows) {
    const policy = await policyOf(bill.policyVersion);
    const list = allInstalments.filter((i) => i.billId === bill.id).map((i) => viewInstalment(i, today, policy));
    const totals = owedTotals(list);
    views.push({
      id: bill.id,
      orderId: bill.orderId,
      orderNumber: bill.orderNumber,
      storeName: bill.storeName,
      planCode: bill.planCode,
      planLabel: policy.plans.find((p) => p.code === bill.planCode)?.label ?? bill.planCode,
      totalFen: bill.totalFen,
      status: bill.status,
      createdAt: bill.createdAt,
      owedFen: totals.owedNowFen + totals.owedLaterFen,
      overdueFen: totals.overdueFen,
      nextInstalmentFen: nextInstalmentOwedFen(list),
      instalments: list,
      extension: extensionOf(bill.id, policy, extensions, allInstalments),
    });
  }
  const totals = owedTotals(views.flatMap((b) => b.instalments));
  return { today, bills: views, totals };
}

function extensionOf(
  billId: number,
  policy: { extensionMaxDays: number; extensionFeeFen: number },
  extensions: (typeof dueDateExtensions.$inferSelect)[],
  all: (typeof instalments.$inferSelect)[],
): BillView["extension"] {
  const made = extensions.find((e) => e.billId === billId);
  const seq = made ? (all.find((i) => i.id === made.instalmentId)?.seq ?? 0) : 0;
  return {
    maxDays: policy.extensionMaxDays,
    feeFen: policy.extensionFeeFen,
    made: made ? { seq, fromDate: String(made.fromDate), toDate: String(made.toDate) } : null,
  };
}
