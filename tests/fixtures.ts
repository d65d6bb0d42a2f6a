// What the tests repeat, defined once: the simulated provider's cards, a delivery address, fresh idempotency keys,
// and the outcome of a call that should be refused.
import { TRPCError } from "@trpc/server";

/** Approved by the simulated payment provider. */
export const CARD = "4242 4242 4242 4242";
/** Declined by the simulated payment provider (a number ending 0002). */
export const DECLINED_CARD = "4000 0000 0000 0002";

/** A consumer's delivery details at checkout. */
export const SHIPPING = { shippingName: "Alice Wu", shippingPhone: "138 0013 8000", shippingAddress: "88 Century Avenue, Pudong, Shanghai" };

let keySeq = 0;
/** A client-made idempotency key no other call in the run uses. */
export const newKey = (prefix = "test") => `${prefix}-key-${++keySeq}-${Math.random().toString(36).slice(2)}`;

/** "OK" when the call succeeds, else its tRPC code (anything else thrown is named, so a test shows it). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `THREW ${String(error)}`;
  }
}

/** The refusal of a call that must fail: its tRPC code (DOMAIN for a service's own error), domain code and message. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; domainCode: string | null; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError)
      return { code: error.code, domainCode: (error.cause as { code?: string } | undefined)?.code ?? null, message: error.message };
    if (error instanceof Error && "code" in error) return { code: "DOMAIN", domainCode: String(error.code), message: error.message };
    throw error;
  }
  throw new Error("expected a failure");
}
