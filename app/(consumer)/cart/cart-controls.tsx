"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";

/** Quantity stepper and Remove for one cart line. */
export function CartLineControls({ productId, name, quantity, stock }: { productId: number; name: string; quantity: number; stock: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setQuantity = useMutation(trpc.shop.setCartQuantity.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function change(next: number) {
    setError(null);
    try {
      await setQuantity.mutateAsync({ productId, quantity: next });
      router.refresh();
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  const busy = setQuantity.isPending;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <div role="group" aria-label={`Quantity of ${name}`} className="flex items-center rounded-lg border border-slate-300">
          <button type="button" className="min-h-11 min-w-11 text-lg disabled:text-slate-300" aria-label={`One fewer ${name}`} disabled={busy || quantity <= 1} onClick={() => change(quantity - 1)}>−</button>
          <span className="min-w-8 text-center tabular-nums" aria-live="polite">{quantity}</span>
          <button type="button" className="min-h-11 min-w-11 text-lg disabled:text-slate-300" aria-label={`One more ${name}`} disabled={busy || quantity >= stock} onClick={() => change(quantity + 1)}>+</button>
        </div>
        <Button variant="ghost" aria-label={`Remove ${name}`} disabled={busy} onClick={() => change(0)}>Remove</Button>
      </div>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}

/** Empties the cart after a confirmation. */
export function ClearCartButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const clear = useMutation(trpc.shop.clearCart.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  if (!confirming) return <Button variant="secondary" onClick={() => setConfirming(true)}>Clear cart</Button>;
  return (
    <div role="group" aria-label="Confirm clearing the cart" className="flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-red-50 p-2 text-sm">
      <span className="text-red-900">Remove everything from your cart?</span>
      <Button variant="danger" disabled={clear.isPending} onClick={async () => { await clear.mutateAsync(); setConfirming(false); router.refresh(); }}>Yes, clear cart</Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>Keep items</Button>
    </div>
  );
}
