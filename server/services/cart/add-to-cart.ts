import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { cartItems, products, stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { assertOk, DomainError } from "@/server/domain/errors";
import { checkCartStore, checkStock, MAX_LINE_QUANTITY } from "@/server/domain/orders";

/**
 * Adds units of a product to the consumer's cart. A product from another store is refused
 * (CART_OTHER_STORE) unless `replaceCart` asks to empty the cart first.
 */
export async function addToCart(db: Db, clock: Clock, input: { consumerId: number; productId: number; quantity: number; replaceCart?: boolean }) {
  return withTransaction(db, async (tx) => {
    const product = await first(
      tx
        .select({
          id: products.id,
          name: products.name,
          stock: products.stock,
          active: products.active,
          storeId: stores.id,
          storeName: stores.name,
          storeActive: stores.active,
        })
        .from(products)
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(eq(products.id, input.productId)),
    );
    if (!product?.active || !product.storeActive) throw new DomainError("PRODUCT_UNAVAILABLE", "This product is not available right now.");

    const cartStore = await first(
      tx
        .select({ storeId: stores.id, storeName: stores.name })
        .from(cartItems)
        .innerJoin(products, eq(products.id, cartItems.productId))
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(eq(cartItems.userId, input.consumerId))
        .limit(1),
    );
    if (input.replaceCart) await tx.delete(cartItems).where(eq(cartItems.userId, input.consumerId));
    else assertOk(checkCartStore(cartStore ?? null, product));

    const existing = await first(
      tx
        .select({ quantity: cartItems.quantity })
        .from(cartItems)
        .where(and(eq(cartItems.userId, input.consumerId), eq(cartItems.productId, product.id))),
    );
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    assertOk(checkStock(product, quantity));
    if (quantity > MAX_LINE_QUANTITY) throw new DomainError("OUT_OF_STOCK", `A cart holds at most ${MAX_LINE_QUANTITY} of one product.`);
    await tx
      .insert(cartItems)
      .values({ userId: input.consumerId, productId: product.id, quantity, addedAt: clock.now() })
      .onConflictDoUpdate({ target: [cartItems.userId, cartItems.productId], set: { quantity: sql`excluded.quantity` } });
    return { productId: product.id, name: product.name, quantity };
  });
}
