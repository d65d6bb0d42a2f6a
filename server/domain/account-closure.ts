// Closing a consumer's account: refused while anything is owed or reserved; otherwise the personal fields give way
// to a tombstone that cannot sign in, and the financial records stay (what a merchant's books and the law need).
import { DomainError } from "./errors";
import { formatFen } from "./money";

export type ClosureFacts = { owedFen: number; authorizedOrders: number; alreadyClosed: boolean };

/** Why the account cannot be closed now, or null when it can. */
export function closureRefusal(facts: ClosureFacts): DomainError | null {
  if (facts.alreadyClosed) return new DomainError("INVALID_TRANSITION", "This account is already closed.");
  if (facts.owedFen > 0)
    return new DomainError("BALANCE_OWED", `You still owe ${formatFen(facts.owedFen)} on pay-later bills; repay it before closing your account.`);
  if (facts.authorizedOrders > 0)
    return new DomainError("BALANCE_OWED", "An order is waiting for the store to capture it; close your account once it is captured or cancelled.");
  return null;
}

/** What replaces the personal fields. The email stays unique and can never be typed at sign-in (.invalid is reserved). */
export function tombstone(userId: number) {
  return {
    user: { name: "Closed account", email: `closed-${userId}@closed.invalid`, passwordHash: "closed" },
    shipping: { shippingName: "Closed account", shippingPhone: "—", shippingAddress: "—" },
  };
}

/** The word a consumer types to confirm; the procedure refuses anything else. */
export const CLOSE_CONFIRMATION = "CLOSE";
