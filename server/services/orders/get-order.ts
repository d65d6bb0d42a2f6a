import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, instalments, orderLines, stores } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/domain/dates";
import { instalmentStatus, owedFen } from "@/server/domain/instalments";
import { scopedOrder, type OrderScope } from "./cancel-order";

/** One order with its lines and, for pay later, its bill's schedule with each instalment's status today. */
export function getOrder(db: Db, clock: Clock, input: { orderId: number; scope: OrderScope }) {
  const today = localDate(clock.now());
  const order = scopedOrder(db, input.orderId, input.scope);
  const store = db.select({ name: stores.name, slug: stores.slug }).from(stores).where(eq(stores.id, order.storeId)).get()!;
  const lines = db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.id)).all();
  const bill = db.select().from(bills).where(eq(bills.orderId, order.id)).get();
  const schedule = bill
    ? db
        .select()
        .from(instalments)
        .where(eq(instalments.billId, bill.id))
        .orderBy(asc(instalments.seq))
        .all()
        .map((inst) => ({
          id: inst.id,
          seq: inst.seq,
          dueDate: inst.dueDate,
          amountFen: inst.amountFen,
          lateFeeFen: inst.lateFeeFen,
          owedFen: inst.state === "void" ? 0 : owedFen(inst),
          status: instalmentStatus(inst, today),
        }))
    : [];
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    planCode: order.planCode,
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
    createdAt: order.createdAt,
    shipping: { name: order.shippingName, phone: order.shippingPhone, address: order.shippingAddress },
    store,
    lines: lines.map((l) => ({ id: l.id, productName: l.productName, unitPriceFen: l.unitPriceFen, quantity: l.quantity, lineTotalFen: l.unitPriceFen * l.quantity })),
    bill: bill ? { id: bill.id, status: bill.status, planCode: bill.planCode, instalments: schedule } : null,
  };
}
