// A store's publishable key (hk_pub_…): it only names the store for the messaging API and script, so it is stored as
// is, shown on the Developers page and safe to put in a web page. Made once per store, on request.
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { payLaterOffer } from "@/server/domain/eligibility";
import { looksLikePublishableKey, type MessagingLocale, PUBLISHABLE_KEY_PREFIX, payLaterMessage } from "@/server/domain/messaging";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { currentPolicy } from "@/server/services/policy/current-policy";

export const newPublishableKey = () => `${PUBLISHABLE_KEY_PREFIX}${randomBytes(18).toString("base64url")}`;

export async function getPublishableKey(db: Db, storeId: number): Promise<string | null> {
  return (await first(db.select({ key: stores.publishableKey }).from(stores).where(eq(stores.id, storeId))))?.key ?? null;
}

/** Gives the store a publishable key if it has none; returns the store's key either way. */
export async function createPublishableKey(db: Db, clock: Clock, input: { storeId: number; actor: Actor }): Promise<string> {
  return withTransaction(db, async (tx) => {
    const key = newPublishableKey();
    const set = await tx
      .update(stores)
      .set({ publishableKey: key })
      .where(and(eq(stores.id, input.storeId), isNull(stores.publishableKey)))
      .returning({ id: stores.id });
    if (set.length === 0) return (await getPublishableKey(tx, input.storeId))!;
    await recordAudit(tx, {
      actor: input.actor,
      action: "publishable_key.created",
      entityType: "store",
      entityId: input.storeId,
      after: { publishableKey: key },
      at: clock.now(),
    });
    return key;
  });
}

/** The pay-later sentence for `amountFen` at the store that owns `publishableKey` (empty when there is no offer). */
export async function storeMessaging(db: Db, input: { publishableKey: string; amountFen: number; locale: MessagingLocale }) {
  const store = looksLikePublishableKey(input.publishableKey)
    ? await first(db.select().from(stores).where(eq(stores.publishableKey, input.publishableKey)))
    : undefined;
  if (!store) throw new DomainError("NO_PUBLISHABLE_KEY", "Send a valid publishable key as ?key=hk_pub_….");
  const plans = (await currentPolicy(db)).params.plans;
  const offer = payLaterOffer(store, input.amountFen, plans);
  return { object: "messaging" as const, ...payLaterMessage(offer, input.amountFen, input.locale), currency: "CNY" as const };
}
