import type { Db } from "@/db/client";
import { checkPayLaterEligibility, type StoreTerms } from "@/server/domain/eligibility";
import { DomainError, type Verdict } from "@/server/domain/errors";
import type { PolicyParams } from "@/server/domain/policy";
import { loadCreditState } from "@/server/services/credit/credit-state";
import { storeTermsOf } from "@/server/services/catalog/store-terms";

/** Whether this consumer may pay for `totalFen` at this store later: the preview and the order ask the same question. */
export async function payLaterVerdict(
  db: Db,
  input: { consumerId: number; storeId: number; totalFen: number; today: string; policy: PolicyParams; terms?: StoreTerms },
): Promise<Verdict> {
  // Checkout already read the store's terms with its prices, in the same transaction.
  const store = input.terms ?? (await storeTermsOf(db, input.storeId));
  if (!store) throw new DomainError("NOT_FOUND", "No such store.");
  const credit = await loadCreditState(db, input.consumerId, input.today);
  return checkPayLaterEligibility({ store, credit, policy: input.policy, totalFen: input.totalFen });
}
