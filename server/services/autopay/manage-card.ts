// A consumer's autopay settings: save (or replace) the card, turn autopay on or off, remove the card. Each takes
// effect at once: the credit jobs read the setting again inside the transaction that claims a charge.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { autopayCards } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { simulatedVault, type CardVault } from "@/server/services/payments/card-vault";

export type AutopaySetting = { cardLast4: string | null; enabled: boolean };

const settingOf = (row: { cardLast4: string; enabled: boolean } | undefined): AutopaySetting =>
  row ? { cardLast4: row.cardLast4, enabled: row.enabled } : { cardLast4: null, enabled: false };

export async function autopaySetting(db: Db, consumerId: number): Promise<AutopaySetting> {
  return settingOf(await first(db.select().from(autopayCards).where(eq(autopayCards.userId, consumerId))));
}

/** Vaults the card (the number goes no further than the vault) and keeps its token; autopay stays as it was. */
export async function saveAutopayCard(
  db: Db,
  clock: Clock,
  input: { consumerId: number; cardNumber: string },
  vault: CardVault = simulatedVault,
): Promise<AutopaySetting> {
  const vaulted = await vault.save(input.cardNumber);
  if (!vaulted.ok) throw new DomainError("PAYMENT_DECLINED", vaulted.message);
  const now = clock.now();
  return withTransaction(db, async (tx) => {
    const saved = await first(
      tx
        .insert(autopayCards)
        .values({
          userId: input.consumerId,
          cardToken: vaulted.cardToken,
          cardLast4: vaulted.cardLast4,
          enabled: false,
          savedAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: autopayCards.userId,
          set: { cardToken: vaulted.cardToken, cardLast4: vaulted.cardLast4, savedAt: now, updatedAt: now },
        })
        .returning(),
    );
    return settingOf(saved);
  });
}

/** Turns autopay on (a saved card is needed) or off. Setting what is already set changes nothing. */
export async function setAutopay(db: Db, clock: Clock, input: { consumerId: number; enabled: boolean }): Promise<AutopaySetting> {
  return withTransaction(db, async (tx) => {
    const updated = await first(
      tx.update(autopayCards).set({ enabled: input.enabled, updatedAt: clock.now() }).where(eq(autopayCards.userId, input.consumerId)).returning(),
    );
    if (!updated && input.enabled) throw new DomainError("NO_SAVED_CARD", "Save a card first, then turn autopay on.");
    return settingOf(updated);
  });
}

/** Forgets the card's token; autopay is off from then on. */
export async function removeAutopayCard(db: Db, input: { consumerId: number }): Promise<AutopaySetting> {
  await withTransaction(db, async (tx) => {
    await tx.delete(autopayCards).where(eq(autopayCards.userId, input.consumerId));
  });
  return settingOf(undefined);
}
