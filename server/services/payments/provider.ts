// Payments go through this interface; the built-in simulated provider approves every card
// except one whose number ends in 0002, so failure paths are testable.
import { randomUUID } from "node:crypto";

export type ChargeRequest = { amountFen: number; cardNumber: string; idempotencyKey: string; description: string };
export type ChargeResult = { ok: true; providerRef: string; cardLast4: string } | { ok: false; message: string };

export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: { amountFen: number; reason: string }): Promise<{ providerRef: string }>;
}

export const DECLINED_CARD_SUFFIX = "0002";

export const simulatedProvider: PaymentProvider = {
  async charge({ cardNumber }) {
    const digits = cardNumber.replace(/\D/g, "");
    const cardLast4 = digits.slice(-4);
    if (digits.endsWith(DECLINED_CARD_SUFFIX))
      return { ok: false, message: `Your card ending ${cardLast4} was declined by the bank. Nothing was charged; try another card.` };
    return { ok: true, providerRef: `sim_${randomUUID()}`, cardLast4 };
  },
  async refund() {
    return { providerRef: `sim_refund_${randomUUID()}` };
  },
};
