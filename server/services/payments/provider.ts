// Payments go through this interface; the built-in simulated provider approves every card
// except one whose number ends in 0002, so failure paths are testable.
//
// Test cards (any number of 12–19 digits works the same way):
//   4242 4242 4242 4242  approves every charge
//   4000 0000 0000 0002  declines every charge (it can still be saved for autopay, whose charges then decline)
import { randomUUID } from "node:crypto";

/** A card as typed (a one-off payment) or as the card vault's token (autopay). */
export type CardSource = { cardNumber: string; cardToken?: never } | { cardToken: string; cardLast4: string; cardNumber?: never };
export type ChargeRequest = { amountFen: number; idempotencyKey: string; description: string } & CardSource;
export type ChargeResult = { ok: true; providerRef: string; cardLast4: string } | { ok: false; message: string };

export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: { amountFen: number; reason: string }): Promise<{ providerRef: string }>;
}

export const DECLINED_CARD_SUFFIX = "0002";
/** The simulated vault's tokens name the simulated bank's answer, so a token charges like its card number would. */
export const SIMULATED_TOKEN_PREFIX = { approves: "tok_sim_ok_", declines: "tok_sim_decline_" } as const;
const simulatedTokenDeclines = (cardToken: string) => cardToken.startsWith(SIMULATED_TOKEN_PREFIX.declines);
export const TEST_CARDS = { approves: "4242 4242 4242 4242", declines: "4000 0000 0000 0002" } as const;

const declined = (cardLast4: string) =>
  ({ ok: false, message: `Your card ending ${cardLast4} was declined by the bank. Nothing was charged; try another card.` }) as const;

export const simulatedProvider: PaymentProvider = {
  async charge(request) {
    if (request.cardToken !== undefined) {
      if (simulatedTokenDeclines(request.cardToken)) return declined(request.cardLast4);
      return { ok: true, providerRef: `sim_${randomUUID()}`, cardLast4: request.cardLast4 };
    }
    const digits = request.cardNumber.replace(/\D/g, "");
    const cardLast4 = digits.slice(-4);
    if (digits.endsWith(DECLINED_CARD_SUFFIX)) return declined(cardLast4);
    return { ok: true, providerRef: `sim_${randomUUID()}`, cardLast4 };
  },
  async refund() {
    return { providerRef: `sim_refund_${randomUUID()}` };
  },
};
