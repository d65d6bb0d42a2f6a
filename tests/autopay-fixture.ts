// What the autopay tests share: alice with a saved card and autopay on, the jobs run on a given platform day, and
// read-backs of the charges, payments and notices autopay made.
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { MovableClock } from "@/server/clock";
import { jobsClockFromArgs } from "@/server/services/jobs/job-clock";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import type { PaymentProvider } from "@/server/services/payments/provider";
import { instalmentsOf, openBillOf } from "./bills-fixture";
import { callerAs, seededDb, userId } from "./helpers";

/** The clock `npm run jobs -- --at <day>` uses: noon of that day in Shanghai. */
export const noonOf = (day: string) => jobsClockFromArgs(["--at", day], new Date())!;

/** The credit jobs as `npm run jobs -- --at <day>` runs them. */
export const jobsOn = (db: Db, day: string, provider?: PaymentProvider) => runCreditJobs(db, noonOf(day), provider ? { provider } : {});

/** Seeded data with alice's card saved and autopay on; her open bill's instalments. */
export async function aliceWithAutopay(cardNumber: string) {
  const { db, clock } = await seededDb();
  const alice = await callerAs(db, clock, "alice@example.com");
  await alice.autopay.saveCard({ cardNumber });
  await alice.autopay.setEnabled({ enabled: true });
  const bill = await openBillOf(db, "alice@example.com");
  const [first, second] = await instalmentsOf(db, bill.id);
  return { db, clock: clock as MovableClock, alice, bill, first: first!, second: second!, aliceId: await userId(db, "alice@example.com") };
}

export function chargesOf(db: Db, instalmentId: number) {
  return db.select().from(s.autopayCharges).where(eq(s.autopayCharges.instalmentId, instalmentId)).orderBy(s.autopayCharges.attempt);
}

export function autopayPayments(db: Db, consumerId: number) {
  return db
    .select()
    .from(s.payments)
    .where(and(eq(s.payments.consumerId, consumerId), like(s.payments.idempotencyKey, "autopay:%")))
    .orderBy(s.payments.id);
}

export async function noticesOf(db: Db, consumerId: number, kind: string) {
  return db
    .select()
    .from(s.notifications)
    .where(and(eq(s.notifications.userId, consumerId), eq(s.notifications.kind, kind)))
    .orderBy(s.notifications.id);
}
