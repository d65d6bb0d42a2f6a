// Orders and carts: totals, stock and one-store-per-cart rules, readable order numbers, shipping details.
import { z } from "zod";
import { ok, refuse, type Verdict } from "./errors";

/** Most units of one product in a cart or an order. */
export const MAX_LINE_QUANTITY = 99;

export type PricedLine = { unitPriceFen: number; quantity: number };

export function lineTotalFen(line: PricedLine): number {
  return line.unitPriceFen * line.quantity;
}

export function orderTotalFen(lines: PricedLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotalFen(line), 0);
}

/** A cart holds one store's products at a time. */
export function checkCartStore(cart: { storeId: number; storeName: string } | null, product: { storeId: number; storeName: string }): Verdict {
  if (!cart || cart.storeId === product.storeId) return ok;
  return refuse(
    "CART_OTHER_STORE",
    `Your cart holds items from ${cart.storeName}, and a cart holds one store at a time. Clear it to add from ${product.storeName}.`,
  );
}

/** Whether `quantity` units can be taken from `stock`. */
export function checkStock(product: { name: string; stock: number }, quantity: number): Verdict {
  if (product.stock <= 0) return refuse("OUT_OF_STOCK", `${product.name} is out of stock.`);
  if (quantity > product.stock) return refuse("OUT_OF_STOCK", `Only ${product.stock} of ${product.name} ${product.stock === 1 ? "is" : "are"} left.`);
  return ok;
}

/** Why a cart line cannot be ordered as it is: a kind and its figures, which the pages say in their language. */
export type CartProblem = { kind: "unavailable" } | { kind: "outOfStock" } | { kind: "onlyLeft"; count: number };

export function cartLineProblem(line: { available: boolean; quantity: number; stock: number }): CartProblem | null {
  if (!line.available) return { kind: "unavailable" };
  if (line.quantity <= line.stock) return null;
  return line.stock === 0 ? { kind: "outOfStock" } : { kind: "onlyLeft", count: line.stock };
}

// Crockford's base32 without I, L, O, U: easy to read aloud and to type.
const ORDER_NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "HF-" + the order's local date + five random characters, e.g. HF-261125-7KQ3X. */
export function orderNumber(orderDate: string, randomBytes: ArrayLike<number>): string {
  if (randomBytes.length < 5) throw new RangeError("orderNumber needs five random bytes");
  const suffix = Array.from({ length: 5 }, (_, i) => ORDER_NUMBER_ALPHABET[randomBytes[i]! % 32]).join("");
  return `HF-${orderDate.slice(2).replaceAll("-", "")}-${suffix}`;
}

const PHONE_DIGITS = /^\+?[0-9][0-9 -]{5,22}$/;

/** Shipping details, shared by the checkout form's procedure and the order service. */
export const shippingSchema = z.object({
  shippingName: z.string().trim().min(1, "Enter the recipient's name.").max(80, "Use at most 80 characters."),
  shippingPhone: z
    .string()
    .trim()
    .max(24, "Enter a phone number of at most 20 digits.")
    .refine(
      (v) => PHONE_DIGITS.test(v) && v.replace(/\D/g, "").length >= 7 && v.replace(/\D/g, "").length <= 20,
      "Enter a phone number, e.g. 138 0013 8000.",
    ),
  shippingAddress: z.string().trim().min(8, "Enter the full delivery address.").max(300, "Use at most 300 characters."),
});
export type Shipping = z.infer<typeof shippingSchema>;

/** Card numbers are 12–19 digits; spaces and dashes between groups are allowed. */
export const cardNumberSchema = z
  .string()
  .trim()
  .max(30)
  .refine(
    (v) => /^[0-9 -]+$/.test(v) && v.replace(/\D/g, "").length >= 12 && v.replace(/\D/g, "").length <= 19,
    "Enter a card number of 12 to 19 digits.",
  );

export type OrderRequest = {
  lines: readonly { productId: number; quantity: number }[];
  shipping: Shipping;
  payment: { method: "pay_later"; planCode: string } | { method: "pay_now"; cardNumber: string };
};

/**
 * What an order request asks for, in one canonical text: its hash is kept with the order so a replayed idempotency
 * key can be told apart from a reused one. Lines are taken in product order; of a card only its last four digits
 * (what the payment keeps anyway), since a hash of a whole card number could be reversed by trying the few candidates.
 */
export function orderRequestCanonical(request: OrderRequest): string {
  const lines = [...request.lines].sort((a, b) => a.productId - b.productId || a.quantity - b.quantity).map((l) => [l.productId, l.quantity]);
  const payment =
    request.payment.method === "pay_later"
      ? ["pay_later", request.payment.planCode]
      : ["pay_now", request.payment.cardNumber.replace(/\D/g, "").slice(-4)];
  const { shippingName, shippingPhone, shippingAddress } = request.shipping;
  return JSON.stringify({ lines, shipping: [shippingName.trim(), shippingPhone.trim(), shippingAddress.trim()], payment });
}

/**
 * What "Mark shipped" may say: a carrier and a tracking number, both optional, but a tracking number needs its
 * carrier (a number alone cannot be looked up). Shared by the dialog and the procedure.
 */
export const shipmentSchema = z
  .object({
    carrier: z.string().trim().max(40, "Use at most 40 characters.").optional(),
    trackingNumber: z
      .string()
      .trim()
      .max(40, "Use at most 40 characters.")
      .refine((v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9 -]{3,39}$/.test(v), "Enter 4 to 40 letters, digits or dashes.")
      .optional(),
  })
  .refine((s) => !s.trackingNumber || !!s.carrier, { path: ["carrier"], message: "Name the carrier of this tracking number." });
export type Shipment = z.infer<typeof shipmentSchema>;
