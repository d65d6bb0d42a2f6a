import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/query";
import type { PolicyParams } from "@/server/domain/policy";
import { summarizeWhatIf, type WhatIfConsumer } from "@/server/domain/what-if";
import { currentPolicy } from "./current-policy";

type Row = {
  user_id: number;
  name: string | null;
  email: string | null;
  score: number;
  pay_later_status: WhatIfConsumer["payLaterStatus"];
  open_principal: number;
  open_bills: number;
};

/**
 * How a draft policy would change eligibility and limits against the one in force, in one query
 * read in one pass. Unpaid principal is the profile's used credit (kept equal to the open
 * instalments' unpaid principal in every write); open bills are counted, and names fetched,
 * only for the consumers the draft would push below the threshold, so 100k consumers stay cheap.
 */
export async function policyWhatIf(db: Db, draft: PolicyParams) {
  const current = await currentPolicy(db);
  const falling = sql`cp.score >= ${current.params.minScore} AND cp.score < ${draft.minScore}`;
  const found = await rows<Row>(
    db,
    sql`SELECT cp.user_id, cp.score, cp.pay_later_status, cp.used_credit_fen AS open_principal,
              CASE WHEN ${falling} THEN (SELECT name FROM users WHERE id = cp.user_id) END AS name,
              CASE WHEN ${falling} THEN (SELECT email FROM users WHERE id = cp.user_id) END AS email,
              CASE WHEN ${falling} AND cp.used_credit_fen > 0
                THEN (SELECT COUNT(DISTINCT bill_id) FROM instalments i WHERE i.consumer_id = cp.user_id AND i.state = 'open')
                ELSE 0 END AS open_bills
       FROM credit_profiles cp
       ORDER BY cp.score, cp.user_id`,
  );
  function* consumers(): Generator<WhatIfConsumer> {
    for (const r of found)
      yield {
        userId: r.user_id,
        name: r.name ?? "",
        email: r.email ?? "",
        score: r.score,
        payLaterStatus: r.pay_later_status,
        openPrincipalFen: r.open_principal,
        openBills: r.open_bills,
      };
  }
  return { currentVersion: current.version, ...summarizeWhatIf(consumers(), current.params, draft) };
}
