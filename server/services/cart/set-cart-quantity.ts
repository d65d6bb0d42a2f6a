import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { cartItems, products } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { assertOk, DomainError } from "@/server/domain/errors";
import { checkStock } from "@/server/domain/orders";

/** Sets a cart line's quantity; zero removes the line. */
export async function setCartQuantity(db: Db, input: { consumerId: number; productId: number; quantity: number }) {
  return withTransaction(db, async (tx) => {
    const line = and(eq(cartItems.userId, input.consumerId), eq(cartItems.productId, input.productId));
    if (!(await first(tx.select({ quantity: cartItems.quantity }).from(cartItems).where(line))))
      throw new DomainError("NOT_FOUND", "That product is not in your cart.");
    if (input.quantity === 0) {
      await tx.delete(cartItems).where(line);
      return { productId: input.productId, quantity: 0 };
    }
    const product = (await first(tx.select({ name: products.name, stock: products.stock }).from(products).where(eq(products.id, input.productId))))!;
    assertOk(checkStock(product, input.quantity));
    await tx.update(cartItems).set({ quantity: input.quantity }).where(line);
    return { productId: input.productId, quantity: input.quantity };
  });
}

/** Empties the consumer's cart. */
export async function clearCart(db: Db, consumerId: number): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx.delete(cartItems).where(eq(cartItems.userId, consumerId));
  });
}
