"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { useErrorText, useText } from "@/lib/i18n/text";

/** "Add to cart" for one product; offers to empty the cart when it holds another store's products. */
export function AddToCartButton({ productId, productName, signInHref }: { productId: number; productName: string; signInHref: string | null }) {
  const trpc = useTRPC();
  const t = useText("shop");
  const errorText = useErrorText();
  const router = useRouter();
  const add = useMutation(trpc.shop.addToCart.mutationOptions());
  const [error, setError] = useState<{ message: string; otherStore: boolean } | null>(null);
  const [added, setAdded] = useState(false);

  async function addToCart(replaceCart: boolean) {
    if (signInHref) {
      router.push(signInHref);
      return;
    }
    setError(null);
    setAdded(false);
    try {
      await add.mutateAsync({ productId, replaceCart });
    } catch (err) {
      const described = describeError(err);
      setError({ message: errorText(described), otherStore: described.code === "CART_OTHER_STORE" });
      return;
    }
    // One feedback: the status under the button, with the way to the cart (no toast saying the same).
    setAdded(true);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button onClick={() => addToCart(false)} disabled={add.isPending} className="w-full">
        {t("addToCart")}
      </Button>
      {added ? (
        <p role="status" className="text-sm text-emerald-800">
          {t("added")}{" "}
          <Link href="/cart" className="underline">
            {t("viewCart")}
          </Link>
        </p>
      ) : null}
      {error ? (
        <ErrorNotice>
          <p>{error.message}</p>
          {error.otherStore ? (
            <Button variant="secondary" className="mt-2" onClick={() => addToCart(true)} disabled={add.isPending}>
              {t("clearAndAdd", { product: productName })}
            </Button>
          ) : null}
        </ErrorNotice>
      ) : null}
    </div>
  );
}
