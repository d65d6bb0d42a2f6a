import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { agreementAcceptances, creditProfiles } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { canDisablePayLater, canEnablePayLater } from "@/server/domain/credit";
import { localDate } from "@/server/calendar";
import { assertOk, DomainError } from "@/server/domain/errors";
import { currentPolicy } from "@/server/services/policy/current-policy";
import { currentAgreement } from "./agreement";
import { loadCreditState } from "./credit-state";
import { lockCreditProfile } from "./ledger";

// Both switches read and write only the consumer's own rows (and immutable policy and agreement versions): with the
// profile locked first they run at READ COMMITTED, so the credit jobs' wide reads never make them fail serialization.
const CONSUMER_LOCKED = { isolation: "read committed" } as const;

/**
 * Turns pay later on after the consumer accepted the current agreement version.
 * Submitting twice is harmless: one acceptance per version, and an enabled account stays enabled.
 */
export async function enablePayLater(db: Db, clock: Clock, input: { consumerId: number; agreementVersion: number }) {
  return withTransaction(
    db,
    async (tx) => {
      await lockCreditProfile(tx, input.consumerId);
      const now = clock.now();
      const agreement = await currentAgreement(tx);
      if (input.agreementVersion !== agreement.version)
        throw new DomainError(
          "AGREEMENT_OUTDATED",
          "The agreement was updated while you were reading it. Please read the new version and agree again.",
        );
      const state = await loadCreditState(tx, input.consumerId, localDate(now));
      const alreadyAccepted = !!(await first(
        tx
          .select({ id: agreementAcceptances.id })
          .from(agreementAcceptances)
          .where(and(eq(agreementAcceptances.userId, input.consumerId), eq(agreementAcceptances.agreementVersion, agreement.version))),
      ));
      if (state.payLaterStatus === "enabled" && alreadyAccepted) return { status: "enabled" as const, agreementVersion: agreement.version };
      assertOk(canEnablePayLater(state, (await currentPolicy(tx)).params));
      await tx
        .insert(agreementAcceptances)
        .values({ userId: input.consumerId, agreementVersion: agreement.version, acceptedAt: now })
        .onConflictDoNothing();
      await tx
        .update(creditProfiles)
        .set({ payLaterStatus: "enabled", suspendedReason: null, updatedAt: now })
        .where(eq(creditProfiles.userId, input.consumerId));
      return { status: "enabled" as const, agreementVersion: agreement.version };
    },
    CONSUMER_LOCKED,
  );
}

/** Turns pay later off; refused while anything is owed. */
export async function disablePayLater(db: Db, clock: Clock, input: { consumerId: number }) {
  return withTransaction(
    db,
    async (tx) => {
      await lockCreditProfile(tx, input.consumerId);
      const now = clock.now();
      const state = await loadCreditState(tx, input.consumerId, localDate(now));
      if (state.payLaterStatus === "not_enabled") return { status: "not_enabled" as const };
      assertOk(canDisablePayLater(state));
      await tx.update(creditProfiles).set({ payLaterStatus: "not_enabled", updatedAt: now }).where(eq(creditProfiles.userId, input.consumerId));
      return { status: "not_enabled" as const };
    },
    CONSUMER_LOCKED,
  );
}
