// What a draft credit policy would do to today's consumers, worked out in one pass over their rows.
import type { PayLaterStatus } from "./credit";
import { creditLimitFen, type PolicyParams } from "./policy";

export type WhatIfConsumer = {
  userId: number;
  name: string;
  email: string;
  score: number;
  payLaterStatus: PayLaterStatus;
  // Unpaid principal and number of bills with open instalments.
  openPrincipalFen: number;
  openBills: number;
};

export type WhatIfOutcome = {
  consumers: number;
  eligibleBefore: number;
  eligibleAfter: number;
  gaining: number;
  losing: number;
  /** The first consumers (lowest score first) who would lose eligibility. */
  losingConsumers: WhatIfConsumer[];
  totalLimitBeforeFen: number;
  totalLimitAfterFen: number;
  limitRaised: number;
  limitLowered: number;
  /** Consumers within their limit today who would owe more than their new one. */
  overNewLimit: number;
  /** Consumers with open bills who meet the threshold today and would fall below the draft's. */
  fallingWithOpenBills: number;
  fallingWithOpenBillsPrincipalFen: number;
  fallingWithOpenBillsConsumers: WhatIfConsumer[];
};

export const WHAT_IF_LIST_SIZE = 20;

/** `rows` ordered by score ascending gives lowest-score-first lists. */
export function summarizeWhatIf(
  rows: Iterable<WhatIfConsumer>,
  current: PolicyParams,
  draft: PolicyParams,
  listSize = WHAT_IF_LIST_SIZE,
): WhatIfOutcome {
  const out: WhatIfOutcome = {
    consumers: 0,
    eligibleBefore: 0,
    eligibleAfter: 0,
    gaining: 0,
    losing: 0,
    losingConsumers: [],
    totalLimitBeforeFen: 0,
    totalLimitAfterFen: 0,
    limitRaised: 0,
    limitLowered: 0,
    overNewLimit: 0,
    fallingWithOpenBills: 0,
    fallingWithOpenBillsPrincipalFen: 0,
    fallingWithOpenBillsConsumers: [],
  };
  for (const row of rows) {
    out.consumers++;
    const before = row.score >= current.minScore;
    const after = row.score >= draft.minScore;
    if (before) out.eligibleBefore++;
    if (after) out.eligibleAfter++;
    if (after && !before) out.gaining++;
    if (before && !after) {
      out.losing++;
      if (out.losingConsumers.length < listSize) out.losingConsumers.push(row);
      if (row.openBills > 0) {
        out.fallingWithOpenBills++;
        out.fallingWithOpenBillsPrincipalFen += row.openPrincipalFen;
        if (out.fallingWithOpenBillsConsumers.length < listSize) out.fallingWithOpenBillsConsumers.push(row);
      }
    }
    const limitBefore = creditLimitFen(row.score, current);
    const limitAfter = creditLimitFen(row.score, draft);
    out.totalLimitBeforeFen += limitBefore;
    out.totalLimitAfterFen += limitAfter;
    if (limitAfter > limitBefore) out.limitRaised++;
    if (limitAfter < limitBefore) out.limitLowered++;
    if (row.openPrincipalFen > limitAfter && row.openPrincipalFen <= limitBefore) out.overNewLimit++;
  }
  return out;
}
