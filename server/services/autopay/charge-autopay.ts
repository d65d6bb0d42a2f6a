// The credit jobs' autopay step: each open instalment of a consumer with autopay on is charged on its due date, and
// after a decline on each of the next days, up to AUTOPAY_MAX_ATTEMPTS times (server/domain/autopay.ts).
//
// An attempt is first claimed: a pending autopay_charges row, unique per (instalment, attempt) and per (instalment,
// day), written in a transaction that re-checks everything. Only the run whose claim committed asks the provider, so
// two runs racing never charge twice. The charge is a repayment through repayBill (bills, receivables, webhooks and
// score follow as for a payment by hand) under the key autopay:<instalment>:<attempt>, and its outcome is written back
// onto the claim. A claim left pending by a run that stopped (its hold lapsed, by the wall clock) is finished by a later
// run under the same key, which repayBill makes idempotent: it finds the payment if there was one, or makes it.
import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bool, calendarDate, instant } from "@/db/dialect";
import { first, row, rows } from "@/db/query";
import { autopayCards, autopayCharges, instalments, payments } from "@/db/schema";
import { isUniqueViolation, withTransaction, withWriterReads } from "@/db/transaction";
import { addDays } from "@/server/calendar";
import { AUTOPAY_MAX_ATTEMPTS, autopayAttemptDue, autopayStopped, type AutopayAttempt } from "@/server/domain/autopay";
import { DomainError } from "@/server/domain/errors";
import { repayBill } from "@/server/services/bills/repay-bill";
import { notify } from "@/server/services/notifications/notify";
import type { PaymentProvider } from "@/server/services/payments/provider";
import { owedSql } from "@/server/sql/rules";

/** How long a claim keeps other runs off a pending attempt (wall clock, like the jobs' lease). */
export const AUTOPAY_CLAIM_MS = 60_000;
const wallNow = () => new Date(Date.now());

export type AutopayOutcome = { charged: number; chargedFen: number; declined: number; cancelled: number };

export const autopayKey = (instalmentId: number, attempt: number) => `autopay:${instalmentId}:${attempt}`;

/** Open instalments with an attempt due today (the SQL twin of autopayAttemptDue), and the claims left pending. */
export async function autopayWork(db: Db, today: string): Promise<{ instalmentIds: number[]; pendingIds: number[] }> {
  return withWriterReads(db, async (reader) => {
    const due = await rows<{ id: number }>(
      reader,
      sql`
    SELECT i.id FROM autopay_cards c
    JOIN instalments i ON i.consumer_id = c.user_id AND i.state = 'open'
      AND i.due_date BETWEEN ${calendarDate(addDays(today, -(AUTOPAY_MAX_ATTEMPTS - 1)))} AND ${calendarDate(today)}
    WHERE c.enabled = ${bool(true)}
      AND NOT EXISTS (SELECT 1 FROM autopay_charges a WHERE a.instalment_id = i.id
        AND (a.status IN ('charged', 'pending') OR a.charge_date = ${calendarDate(today)}))
      AND (SELECT COUNT(*) FROM autopay_charges a WHERE a.instalment_id = i.id AND a.status = 'declined') < ${AUTOPAY_MAX_ATTEMPTS}
    ORDER BY i.id`,
    );
    const pending = await rows<{ id: number }>(
      reader,
      sql`SELECT id FROM autopay_charges WHERE status = 'pending' AND claimed_until <= ${instant(wallNow())} ORDER BY id`,
    );
    return { instalmentIds: due.map((r) => r.id), pendingIds: pending.map((r) => r.id) };
  });
}

type Claim = { chargeId: number; instalmentId: number; attempt: number; consumerId: number; billId: number; amountFen: number; cardLast4: string };

async function attemptsOf(tx: Db, instalmentId: number): Promise<AutopayAttempt[]> {
  return tx
    .select({ attempt: autopayCharges.attempt, chargeDate: autopayCharges.chargeDate, status: autopayCharges.status })
    .from(autopayCharges)
    .where(eq(autopayCharges.instalmentId, instalmentId));
}

/**
 * In the caller's transaction: claims today's attempt on the instalment if one is still due (autopay on, instalment
 * open, no attempt today, not charged, not given up). The amount is what the bill owes up to today, late fees
 * included (the jobs applied today's before this step), since a repayment pays the oldest first.
 */
export async function claimAutopayAttempt(tx: Db, instalmentId: number, today: string, at: Date): Promise<Claim | null> {
  const inst = await first(tx.select().from(instalments).where(eq(instalments.id, instalmentId)));
  if (inst?.state !== "open") return null;
  const card = await first(
    tx
      .select()
      .from(autopayCards)
      .where(and(eq(autopayCards.userId, inst.consumerId), eq(autopayCards.enabled, true))),
  );
  if (!card) return null;
  const attempt = autopayAttemptDue(inst.dueDate, await attemptsOf(tx, instalmentId), today);
  if (attempt === null) return null;
  const owed = await row<{ owedFen: number | null }>(
    tx,
    sql`SELECT SUM(${owedSql()}) AS "owedFen" FROM instalments WHERE bill_id = ${inst.billId} AND state = 'open' AND due_date <= ${calendarDate(today)}`,
  );
  const amountFen = Number(owed?.owedFen ?? 0);
  if (amountFen <= 0) return null;
  const claimed = (await first(
    tx
      .insert(autopayCharges)
      .values({
        instalmentId,
        consumerId: inst.consumerId,
        billId: inst.billId,
        attempt,
        chargeDate: today,
        amountFen,
        cardLast4: card.cardLast4,
        status: "pending",
        claimedUntil: new Date(wallNow().getTime() + AUTOPAY_CLAIM_MS),
        createdAt: at,
      })
      .returning({ id: autopayCharges.id }),
  ))!;
  return { chargeId: claimed.id, instalmentId, attempt, consumerId: inst.consumerId, billId: inst.billId, amountFen, cardLast4: card.cardLast4 };
}

type Result = { status: "charged"; paymentId: number } | { status: "declined"; message: string } | { status: "cancelled" };

/** Asks for the payment (outside any transaction): with the card saved now, under the attempt's own key. */
async function chargeClaim(db: Db, at: Date, claim: Claim, provider: PaymentProvider): Promise<Result> {
  const card = await first(
    db
      .select()
      .from(autopayCards)
      .where(and(eq(autopayCards.userId, claim.consumerId), eq(autopayCards.enabled, true))),
  );
  const idempotencyKey = autopayKey(claim.instalmentId, claim.attempt);
  const made = await first(
    db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.consumerId, claim.consumerId), eq(payments.idempotencyKey, idempotencyKey))),
  );
  if (made) return { status: "charged", paymentId: made.id };
  // Autopay turned off (or the card removed) since the claim: nothing is charged.
  if (!card) return { status: "cancelled" };
  try {
    const paid = await repayBill(
      db,
      { now: () => at },
      {
        consumerId: claim.consumerId,
        billId: claim.billId,
        amountFen: claim.amountFen,
        cardToken: card.cardToken,
        cardLast4: card.cardLast4,
        idempotencyKey,
      },
      provider,
    );
    return { status: "charged", paymentId: paid.paymentId };
  } catch (error) {
    if (error instanceof DomainError && error.code === "PAYMENT_DECLINED") return { status: "declined", message: error.message };
    // Paid by hand or refunded meanwhile: the amount no longer fits the bill, and nothing was kept.
    if (error instanceof DomainError && (error.code === "OVERPAYMENT" || error.code === "NOTHING_OWED")) return { status: "cancelled" };
    throw error;
  }
}

/** Writes the outcome onto the claim (once: only a pending claim changes) and tells the consumer of a decline. */
async function settleClaim(tx: Db, claim: Claim, result: Result, at: Date): Promise<boolean> {
  const settled = await first(
    tx
      .update(autopayCharges)
      .set({ status: result.status, paymentId: result.status === "charged" ? result.paymentId : null, settledAt: at })
      .where(and(eq(autopayCharges.id, claim.chargeId), eq(autopayCharges.status, "pending")))
      .returning({ id: autopayCharges.id }),
  );
  if (!settled || result.status !== "declined") return !!settled;
  const inst = (await first(tx.select({ dueDate: instalments.dueDate }).from(instalments).where(eq(instalments.id, claim.instalmentId))))!;
  const stopped = autopayStopped(await attemptsOf(tx, claim.instalmentId));
  await notify(tx, {
    userId: claim.consumerId,
    kind: "autopay_declined",
    params: { amountFen: claim.amountFen, cardLast4: claim.cardLast4, dueDate: inst.dueDate, attempt: claim.attempt, stopped },
    link: "/account/autopay",
    dedupeKey: `autopay_declined:${claim.instalmentId}:${claim.attempt}`,
    at,
  });
  return true;
}

/** Takes over a pending claim whose hold lapsed (its run stopped), or null when another run holds it or settled it. */
async function reclaim(tx: Db, chargeId: number): Promise<Claim | null> {
  const taken = await first(
    tx
      .update(autopayCharges)
      .set({ claimedUntil: new Date(wallNow().getTime() + AUTOPAY_CLAIM_MS) })
      .where(and(eq(autopayCharges.id, chargeId), eq(autopayCharges.status, "pending"), lte(autopayCharges.claimedUntil, wallNow())))
      .returning(),
  );
  return taken ? { ...taken, chargeId: taken.id } : null;
}

/** Charges the claim; when that fails with no answer (the provider unreachable), lets the next run finish it at once. */
async function chargeOrRelease(db: Db, at: Date, claim: Claim, provider: PaymentProvider): Promise<Result> {
  try {
    return await chargeClaim(db, at, claim, provider);
  } catch (error) {
    await withTransaction(db, async (tx) => {
      await tx
        .update(autopayCharges)
        .set({ claimedUntil: new Date(0) })
        .where(and(eq(autopayCharges.id, claim.chargeId), eq(autopayCharges.status, "pending")));
    });
    throw error;
  }
}

const tally = (outcome: AutopayOutcome, claim: Claim, result: Result) => {
  if (result.status === "charged") {
    outcome.charged += 1;
    outcome.chargedFen += claim.amountFen;
  } else outcome[result.status] += 1;
};

export type AutopayRun = {
  db: Db;
  at: Date;
  today: string;
  provider: PaymentProvider;
  /** Runs first in every transaction of the step (the jobs' lease renewal and fence). */
  hold: (tx: Db) => Promise<void>;
};

/** Claims, charges and settles each attempt due today, one instalment at a time; finishes stranded claims first. */
export async function chargeAutopay({ db, at, today, provider, hold }: AutopayRun): Promise<AutopayOutcome> {
  const outcome: AutopayOutcome = { charged: 0, chargedFen: 0, declined: 0, cancelled: 0 };
  const held = <T>(work: (tx: Db) => Promise<T>) =>
    withTransaction(db, async (tx) => {
      await hold(tx);
      return work(tx);
    });
  const { instalmentIds, pendingIds } = await autopayWork(db, today);
  for (const chargeId of pendingIds) {
    const pending = await held((tx) => reclaim(tx, chargeId));
    if (!pending) continue;
    const result = await chargeOrRelease(db, at, pending, provider);
    if (await held((tx) => settleClaim(tx, pending, result, at))) tally(outcome, pending, result);
  }
  for (const instalmentId of instalmentIds) {
    let claim: Claim | null;
    try {
      claim = await held((tx) => claimAutopayAttempt(tx, instalmentId, today, at));
    } catch (error) {
      // Another run claimed this attempt between our check and our insert: it is that run's to charge.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    if (!claim) continue;
    const result = await chargeOrRelease(db, at, claim, provider);
    const current = claim;
    if (await held((tx) => settleClaim(tx, current, result, at))) tally(outcome, claim, result);
  }
  return outcome;
}
