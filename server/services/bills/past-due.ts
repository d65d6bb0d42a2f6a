import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, instalments } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { pastDueOf, viewInstalment, type PastDue } from "@/server/domain/bills";
import { billPolicies } from "./bill-policy";

/** What the consumer owes past its due date today (overdue or in grace), late fees included; null when nothing. */
export async function pastDueSummary(db: Db, clock: Clock, consumerId: number): Promise<PastDue | null> {
  const today = localDate(clock.now());
  const rows = await db
    .select({ inst: instalments, policyVersion: bills.policyVersion })
    .from(instalments)
    .innerJoin(bills, eq(bills.id, instalments.billId))
    .where(and(eq(instalments.consumerId, consumerId), eq(instalments.state, "open"), lt(instalments.dueDate, today)));
  if (rows.length === 0) return null;
  const policyOf = billPolicies(db);
  const views = [];
  for (const r of rows) views.push(viewInstalment(r.inst, today, await policyOf(r.policyVersion)));
  return pastDueOf(views);
}
