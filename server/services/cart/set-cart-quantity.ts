import { and, eq } from "drizzle-orm";
import { immediate, type Db } from "@/db/client";
import { cartItems, products } from "@/db/schema";
import { assertOk, DomainError } from "@/server/domain/errors";
import { checkStock } from "@/server/domain/orders";

/** Sets a cart line's quantity; zero removes the line. */
export function setCartQuantity(db: Db, input: { consumerId: number; productId: number; quantity: number }) {
  return immediate(db, (tx) => {
    const line = and(eq(cartItems.userId, input.consumerId), eq(cartItems.productId, input.productId));
    if (!tx.select({ quantity: cartItems.quantity }).from(cartItems).where(line).get())
      throw new DomainError("NOT_FOUND", "That product is not in your cart.");
    if (input.quantity === 0) {
      tx.delete(cartItems).where(line).run();
      return { productId: input.productId, quantity: 0 };
    }
    const product = tx.select({ name: products.name, stock: products.stock }).from(products).where(eq(products.id, input.productId)).get()!;
    assertOk(checkStock(product, input.quantity));
    tx.update(cartItems).set({ quantity: input.quantity }).where(line).run();
    return { productId: input.productId, quantity: input.quantity };
  });
}

/** Empties the consumer's cart. */
export function clearCart(db: Db, consumerId: number): void {
  db.delete(cartItems).where(eq(cartItems.userId, consumerId)).run();
}
