// What the bills and autopay pages say about autopay: the card, whether it is on, the next charge (day and amount),
// and the payments autopay gave up on after every attempt declined.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDate } from "@/db/dialect";
import { rows } from "@/db/query";
import { addDays, localDate } from "@/server/calendar";
import type { Clock } from "@/server/clock";
import { AUTOPAY_MAX_ATTEMPTS, autopayStopped, nextAutopayDay, type AutopayAttempt } from "@/server/domain/autopay";
import { owedSql } from "@/server/sql/rules";
import { autopaySetting, type AutopaySetting } from "./manage-card";

export type AutopayStatus = AutopaySetting & {
  nextCharge: { date: string; amountFen: number } | null;
  /** Open instalments autopay stopped trying (every attempt declined): the consumer pays these by hand. */
  stopped: { dueDate: string; amountFen: number }[];
};

// Enough open instalments to find the next charge and any given-up ones: a consumer has a handful of bills.
const LOOK_AHEAD = 50;

export async function autopayStatus(db: Db, clock: Clock, consumerId: number): Promise<AutopayStatus> {
  const today = localDate(clock.now());
  const setting = await autopaySetting(db, consumerId);
  const open = await rows<{ id: number; dueDate: string; owedFen: number; attempts: string | null }>(
    db,
    sql`
    SELECT i.id, i.due_date AS "dueDate", ${owedSql("i")} AS "owedFen",
      (SELECT COUNT(*) FROM autopay_charges a WHERE a.instalment_id = i.id) AS attempts
    FROM instalments i
    WHERE i.consumer_id = ${consumerId} AND i.state = 'open'
      AND (i.due_date >= ${calendarDate(addDays(today, -(AUTOPAY_MAX_ATTEMPTS - 1)))} OR EXISTS (SELECT 1 FROM autopay_charges a WHERE a.instalment_id = i.id))
    ORDER BY i.due_date, i.id
    LIMIT ${LOOK_AHEAD}`,
  );
  const withAttempts = open.filter((i) => Number(i.attempts) > 0).map((i) => i.id);
  const attempts = new Map<number, AutopayAttempt[]>();
  if (withAttempts.length > 0) {
    const found = await rows<AutopayAttempt & { instalmentId: number }>(
      db,
      sql`SELECT instalment_id AS "instalmentId", attempt, charge_date AS "chargeDate", status FROM autopay_charges
          WHERE instalment_id IN (${sql.join(
            withAttempts.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    for (const a of found) attempts.set(a.instalmentId, [...(attempts.get(a.instalmentId) ?? []), { ...a, chargeDate: String(a.chargeDate) }]);
  }
  let nextCharge: AutopayStatus["nextCharge"] = null;
  const stopped: AutopayStatus["stopped"] = [];
  for (const inst of open) {
    const dueDate = String(inst.dueDate);
    const tried = attempts.get(inst.id) ?? [];
    if (autopayStopped(tried)) {
      stopped.push({ dueDate, amountFen: Number(inst.owedFen) });
      continue;
    }
    if (!setting.enabled) continue;
    const day = nextAutopayDay(dueDate, tried, today);
    if (!day) continue;
    if (!nextCharge || day < nextCharge.date) nextCharge = { date: day, amountFen: Number(inst.owedFen) };
    else if (day === nextCharge.date) nextCharge.amountFen += Number(inst.owedFen);
  }
  return { ...setting, nextCharge, stopped };
}
