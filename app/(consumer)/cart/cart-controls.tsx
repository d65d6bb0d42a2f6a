"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useConfirmedAction } from "@/lib/use-confirmed-action";
import { useShowFailure } from "@/lib/use-show-failure";

/** Quantity stepper and Remove for one cart line. */
export function CartLineControls({ productId, name, quantity, stock }: { productId: number; name: string; quantity: number; stock: number }) {
  const trpc = useTRPC();
  const t = useText("cartControls");
  const showFailure = useShowFailure();
  const router = useRouter();
  const setQuantity = useMutation(trpc.shop.setCartQuantity.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function change(next: number) {
    setError(null);
    setDone(null);
    try {
      await setQuantity.mutateAsync({ productId, quantity: next });
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    if (next === 0) {
      // The line (and this control) leaves the page, so the page confirms the removal.
      router.replace("/cart?removed=1");
      router.refresh();
      return;
    }
    const message = t("updated", { name, quantity: next });
    setDone(message);
    router.refresh();
  }

  const busy = setQuantity.isPending;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        <div role="group" aria-label={t("quantityOf", { name })} className="flex items-center rounded-lg border border-slate-300">
          <button
            type="button"
            className="min-h-11 min-w-11 text-lg disabled:text-slate-300"
            aria-label={t("fewer", { name })}
            disabled={busy || quantity <= 1}
            onClick={() => change(quantity - 1)}
          >
            −
          </button>
          <span className="min-w-8 text-center tabular-nums" aria-live="polite">
            {quantity}
          </span>
          <button
            type="button"
            className="min-h-11 min-w-11 text-lg disabled:text-slate-300"
            aria-label={t("more", { name })}
            disabled={busy || quantity >= stock}
            onClick={() => change(quantity + 1)}
          >
            +
          </button>
        </div>
        <Button variant="ghost" aria-label={t("removeLabel", { name })} disabled={busy} onClick={() => change(0)}>
          {t("remove")}
        </Button>
      </div>
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}

/** Empties the cart after a confirmation. */
export function ClearCartButton() {
  const trpc = useTRPC();
  const t = useText("cartControls");
  const router = useRouter();
  const clear = useMutation(trpc.shop.clearCart.mutationOptions());
  const {
    confirming,
    setConfirming,
    error,
    confirm: confirmClear,
  } = useConfirmedAction(
    () => clear.mutateAsync(),
    () => {
      // The cart page then shows its empty state with the confirmation.
      router.replace("/cart?cleared=1");
      router.refresh();
    },
  );

  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t("clear")}
      </Button>
    );
  return (
    <div
      role="group"
      aria-label={t("confirmClearLabel")}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-red-50 p-2 text-sm"
    >
      <span className="text-red-900">{t("confirmClear")}</span>
      <Button variant="danger" disabled={clear.isPending} onClick={confirmClear}>
        {t("yesClear")}
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        {t("keepItems")}
      </Button>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
