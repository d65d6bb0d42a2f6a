// The hand-built store the merchant tests share: every receivables figure has a known answer.
import { bills, creditProfiles, instalments, orders, paymentAllocations, payments, policyVersions, stores, users } from "@/db/schema";
import { addDays, localDate } from "@/server/calendar";
import { DEFAULT_POLICY } from "@/server/domain/policy";
import { fixedClock } from "@/server/clock";
import { first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { freshDb, SEED_NOW } from "./helpers";

export const DAY = 86_400_000;
export const TODAY = localDate(SEED_NOW); // 2026-11-25

/**
 * A hand-built store with one instalment per bill, so every figure has a known answer:
 *  A due 3 days ago (last day of grace: NOT overdue), B due 4 days ago (overdue 1 day, fee ¥15),
 *  C 37 days overdue with ¥50 paid, D 97 days overdue (another customer), E due in 5 days,
 *  F due in 20 days, G paid on time 10 days ago, H void. A second store has its own overdue bill.
 */
export async function buildFixture() {
  const db = await freshDb();
  const at = (daysAgo: number) => new Date(SEED_NOW.getTime() - daysAgo * DAY);
  const built = await withTransaction(db, async (tx) => {
    const user = async (email: string, name: string, role: "consumer" | "merchant") =>
      (await first(
        tx
          .insert(users)
          .values({ email, name, passwordHash: "x", role, createdAt: at(200) })
          .returning({ id: users.id }),
      ))!.id;
    const owner = await user("owner@example.com", "Olga Owner", "merchant");
    const otherOwner = await user("rival@example.com", "Rita Rival", "merchant");
    await tx.insert(policyVersions).values({ version: 1, params: DEFAULT_POLICY, note: "test", createdAt: at(300) });
    const store = (await first(
      tx
        .insert(stores)
        .values({ ownerUserId: owner, slug: "fixture", name: "Fixture", payLaterEnabled: true, createdAt: at(200) })
        .returning({ id: stores.id }),
    ))!.id;
    const rival = (await first(
      tx
        .insert(stores)
        .values({ ownerUserId: otherOwner, slug: "rival", name: "Rival", payLaterEnabled: true, createdAt: at(200) })
        .returning({ id: stores.id }),
    ))!.id;
    const c1 = await user("amy@example.com", "Amy Wang", "consumer");
    const c2 = await user("ben@example.com", "Ben Li", "consumer");
    for (const id of [c1, c2]) await tx.insert(creditProfiles).values({ userId: id, score: 700, payLaterStatus: "enabled", updatedAt: at(200) });

    let n = 0;
    const bill = async (o: {
      storeId?: number;
      consumerId: number;
      dueInDays: number;
      amountFen: number;
      placedDaysAgo: number;
      paidPrincipalFen?: number;
      lateFeeFen?: number;
      state?: "open" | "paid" | "void";
      paidDaysAgo?: number;
    }) => {
      n += 1;
      const storeId = o.storeId ?? store;
      const order = (await first(
        tx
          .insert(orders)
          .values({
            number: `FX-${n}`,
            consumerId: o.consumerId,
            storeId,
            status: "completed",
            paymentMethod: "pay_later",
            planCode: "pay_in_30",
            totalFen: o.amountFen,
            shippingName: "x",
            shippingPhone: "x",
            shippingAddress: "x",
            policyVersion: 1,
            idempotencyKey: `fx-${n}`,
            createdAt: at(o.placedDaysAgo),
            updatedAt: at(o.placedDaysAgo),
          })
          .returning({ id: orders.id }),
      ))!.id;
      const billId = (await first(
        tx
          .insert(bills)
          .values({
            orderId: order,
            consumerId: o.consumerId,
            storeId,
            policyVersion: 1,
            planCode: "pay_in_30",
            totalFen: o.amountFen,
            status: o.state === "paid" ? "paid" : "open",
            createdAt: at(o.placedDaysAgo),
          })
          .returning({ id: bills.id }),
      ))!.id;
      const dueDate = addDays(TODAY, o.dueInDays);
      const paidOn = o.state === "paid" ? addDays(TODAY, -o.paidDaysAgo!) : null;
      const inst = (await first(
        tx
          .insert(instalments)
          .values({
            billId,
            consumerId: o.consumerId,
            storeId,
            seq: 1,
            dueDate,
            overdueOn: addDays(dueDate, 4),
            amountFen: o.amountFen,
            paidPrincipalFen: o.paidPrincipalFen ?? 0,
            lateFeeFen: o.lateFeeFen ?? 0,
            state: o.state ?? "open",
            paidOn,
            paidAt: o.state === "paid" ? at(o.paidDaysAgo!) : null,
          })
          .returning({ id: instalments.id }),
      ))!.id;
      if (o.paidPrincipalFen) {
        const payment = (await first(
          tx
            .insert(payments)
            .values({
              consumerId: o.consumerId,
              billId,
              kind: "repayment",
              amountFen: o.paidPrincipalFen,
              providerRef: "p",
              idempotencyKey: `pay-${n}`,
              createdAt: at(o.paidDaysAgo!),
            })
            .returning({ id: payments.id }),
        ))!.id;
        await tx
          .insert(paymentAllocations)
          .values({ paymentId: payment, instalmentId: inst, storeId, principalFen: o.paidPrincipalFen, feeFen: 0, createdAt: at(o.paidDaysAgo!) });
      }
      return { order, inst };
    };
    const A = await bill({ consumerId: c1, dueInDays: -3, amountFen: 10_000, placedDaysAgo: 33 });
    const B = await bill({ consumerId: c1, dueInDays: -4, amountFen: 20_000, lateFeeFen: 1_500, placedDaysAgo: 34 });
    const C = await bill({ consumerId: c1, dueInDays: -40, amountFen: 30_000, paidPrincipalFen: 5_000, paidDaysAgo: 45, placedDaysAgo: 70 });
    const D = await bill({ consumerId: c2, dueInDays: -100, amountFen: 40_000, lateFeeFen: 0, placedDaysAgo: 130 });
    const E = await bill({ consumerId: c2, dueInDays: 5, amountFen: 50_000, placedDaysAgo: 25 });
    const F = await bill({ consumerId: c2, dueInDays: 20, amountFen: 60_000, placedDaysAgo: 10 });
    const G = await bill({
      consumerId: c1,
      dueInDays: -5,
      amountFen: 7_000,
      paidPrincipalFen: 7_000,
      paidDaysAgo: 10,
      state: "paid",
      placedDaysAgo: 35,
    });
    const H = await bill({ consumerId: c1, dueInDays: -60, amountFen: 99_000, state: "void", placedDaysAgo: 90 });
    await bill({ storeId: rival, consumerId: c2, dueInDays: -10, amountFen: 77_700, placedDaysAgo: 40 });
    return { store, ids: { A, B, C, D, E, F, G, H } };
  });
  return { db, clock: fixedClock(SEED_NOW), ...built };
}
