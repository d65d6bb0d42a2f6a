// Saving a card for later charges: the vault keeps the card and gives back a token and the last four digits, the only
// things Houfu stores. The simulated vault's token stands for the card's behaviour at the simulated bank (see
// provider.ts for the test card numbers), so charges by token behave like charges by number, in any process.
import { randomUUID } from "node:crypto";
import { DECLINED_CARD_SUFFIX, SIMULATED_TOKEN_PREFIX } from "./provider";

export type VaultedCard = { ok: true; cardToken: string; cardLast4: string } | { ok: false; message: string };

export interface CardVault {
  save(cardNumber: string): Promise<VaultedCard>;
}

export const simulatedVault: CardVault = {
  async save(cardNumber) {
    const digits = cardNumber.replace(/\D/g, "");
    if (digits.length < 12 || digits.length > 19) return { ok: false, message: "Enter a card number of 12 to 19 digits." };
    const prefix = SIMULATED_TOKEN_PREFIX[digits.endsWith(DECLINED_CARD_SUFFIX) ? "declines" : "approves"];
    return { ok: true, cardToken: `${prefix}${randomUUID()}`, cardLast4: digits.slice(-4) };
  },
};
