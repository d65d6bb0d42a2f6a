import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { agreementAcceptances, agreements } from "@/db/schema";
import type { Clock } from "@/server/clock";
import { localDate } from "@/server/calendar";
import { buildSchedule } from "@/server/domain/instalments";
import { availableCreditFen, creditLimitFen } from "@/server/domain/policy";
import { getCart } from "@/server/services/cart/get-cart";
import { loadCreditState } from "@/server/services/credit/credit-state";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { payLaterVerdict } from "./pay-later-verdict";

/**
 * What the checkout page shows before Place order: the cart, whether pay later is possible
 * (and why not), and each plan's instalments under the current policy.
 */
export async function checkoutPreview(db: Db, clock: Clock, consumerId: number) {
  const today = localDate(clock.now());
  const cart = await getCart(db, consumerId);
  const policy = await currentPolicy(db);
  const credit = await loadCreditState(db, consumerId, today);
  const available = availableCreditFen(creditLimitFen(credit.score, policy.params), credit.usedCreditFen);
  // Whether the way back to pay later is repaying a bill (the refusal then links to it).
  const owesOverdue = credit.hasOverdue;
  if (!cart.store) return { cart, payLater: null, plans: [], availableCreditFen: available, today, owesOverdue, terms: null, agreement: null };
  const payLater = await payLaterVerdict(db, { consumerId, storeId: cart.store.id, totalFen: cart.totalFen, today, policy: policy.params });
  // What the review step restates before credit is taken: the late terms that would apply, and the agreement accepted.
  const terms = { lateFeeFen: policy.params.lateFeeFen, lateFeeCapBps: policy.params.lateFeeCapBps, graceDays: policy.params.graceDays };
  const agreement =
    (await first(
      db
        .select({ version: agreements.version, title: agreements.title, acceptedAt: agreementAcceptances.acceptedAt })
        .from(agreementAcceptances)
        .innerJoin(agreements, eq(agreements.version, agreementAcceptances.agreementVersion))
        .where(eq(agreementAcceptances.userId, consumerId))
        .orderBy(desc(agreementAcceptances.agreementVersion))
        .limit(1),
    )) ?? null;
  const plans = policy.params.plans
    .filter((plan) => plan.enabled)
    .map((plan) => ({ code: plan.code, label: plan.label, instalments: buildSchedule(cart.totalFen, plan, today, policy.params.graceDays) }));
  return { cart, payLater, plans, availableCreditFen: available, today, owesOverdue, terms, agreement };
}
