import type { Db } from "@/db/client";
import type { PolicyParams } from "@/server/domain/policy";
import { summarizeWhatIf, type WhatIfConsumer } from "@/server/domain/what-if";
import { currentPolicy } from "./current-policy";

type Row = {
  user_id: number;
  name: string;
  email: string;
  score: number;
  pay_later_status: WhatIfConsumer["payLaterStatus"];
  open_principal: number;
  open_bills: number;
};

/**
 * How a draft policy would change eligibility and limits against the one in force: one query
 * over every credit profile joined with an aggregate of its open instalments, read in one pass.
 */
export function policyWhatIf(db: Db, draft: PolicyParams) {
  const current = currentPolicy(db);
  const rows = db.$client
    .prepare(
      `SELECT cp.user_id, u.name, u.email, cp.score, cp.pay_later_status,
              COALESCE(o.open_principal, 0) AS open_principal, COALESCE(o.open_bills, 0) AS open_bills
       FROM credit_profiles cp
       JOIN users u ON u.id = cp.user_id
       LEFT JOIN (
         SELECT consumer_id, SUM(amount_fen - paid_principal_fen) AS open_principal, COUNT(DISTINCT bill_id) AS open_bills
         FROM instalments WHERE state = 'open' GROUP BY consumer_id
       ) o ON o.consumer_id = cp.user_id
       ORDER BY cp.score, cp.user_id`,
    )
    .iterate() as IterableIterator<Row>;
  function* consumers(): Generator<WhatIfConsumer> {
    for (const r of rows)
      yield {
        userId: r.user_id,
        name: r.name,
        email: r.email,
        score: r.score,
        payLaterStatus: r.pay_later_status,
        openPrincipalFen: r.open_principal,
        openBills: r.open_bills,
      };
  }
  return { currentVersion: current.version, ...summarizeWhatIf(consumers(), current.params, draft) };
}
