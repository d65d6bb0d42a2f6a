import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { cartItems, creditProfiles, instalments, orders, users } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { closureRefusal, tombstone } from "@/server/domain/account-closure";
import { DomainError } from "@/server/domain/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { lockCreditProfile } from "@/server/services/credit/ledger";

/** What stands in the way of closing: all that is owed on open instalments, and authorized orders holding credit. */
export async function closureFacts(tx: Db, consumerId: number): Promise<{ owedFen: number; authorizedOrders: number }> {
  const owed = await first(
    tx
      .select({
        owedFen: sql<number>`COALESCE(SUM(${instalments.amountFen} - ${instalments.paidPrincipalFen} + ${instalments.lateFeeFen} - ${instalments.paidFeeFen}), 0)`,
        open: sql<number>`COUNT(*)`,
      })
      .from(instalments)
      .where(and(eq(instalments.consumerId, consumerId), eq(instalments.state, "open"))),
  );
  const authorized = await first(
    tx
      .select({ n: sql<number>`COUNT(*)` })
      .from(orders)
      .where(and(eq(orders.consumerId, consumerId), eq(orders.status, "authorized"))),
  );
  // An open instalment is owed even with nothing charged left on it (a fee not yet charged): at least one fen.
  const owedFen = Math.max(Number(owed?.owedFen ?? 0), Number(owed?.open ?? 0) > 0 ? 1 : 0);
  return { owedFen, authorizedOrders: Number(authorized?.n ?? 0) };
}

/**
 * Closes the consumer's account in one transaction: refused while anything is owed (charged or not yet due) or an
 * authorized order holds credit; otherwise the name, email and password give way to a tombstone, the phone numbers
 * and addresses on every order are erased, the cart emptied, pay later turned off and every session ended (the
 * session version is raised, as server/auth/revocation.ts does). Orders, bills, payments, refunds and credit events
 * stay, without the person. The profile row is locked first, as checkout locks it, so no order slips in meanwhile.
 */
export async function closeAccount(db: Db, clock: Clock, input: { consumerId: number }): Promise<{ closedAt: Date }> {
  return withTransaction(db, async (tx) => {
    await lockCreditProfile(tx, input.consumerId);
    const user = await first(
      tx.select({ id: users.id, role: users.role, closedAt: users.closedAt }).from(users).where(eq(users.id, input.consumerId)),
    );
    if (user?.role !== "consumer") throw new DomainError("NOT_FOUND", "There is no such account.");
    const refusal = closureRefusal({ ...(await closureFacts(tx, user.id)), alreadyClosed: user.closedAt !== null });
    if (refusal) throw refusal;

    const now = clock.now();
    const erased = tombstone(user.id);
    await tx
      .update(users)
      .set({ ...erased.user, closedAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await tx
      .update(orders)
      .set({ ...erased.shipping, updatedAt: now })
      .where(eq(orders.consumerId, user.id));
    await tx.delete(cartItems).where(eq(cartItems.userId, user.id));
    await tx
      .update(creditProfiles)
      .set({ payLaterStatus: "not_enabled", suspendedReason: null, updatedAt: now })
      .where(eq(creditProfiles.userId, user.id));
    // No personal field in the audit row: it outlives the erasure (the log is append-only).
    await recordAudit(tx, {
      actor: { userId: user.id, role: "consumer" },
      action: "consumer.closed",
      entityType: "consumer",
      entityId: user.id,
      after: { closed: true, kept: ["orders", "bills", "instalments", "payments", "refunds", "credit_events"] },
      at: now,
    });
    return { closedAt: now };
  });
}
