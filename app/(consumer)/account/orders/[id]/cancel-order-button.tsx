"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useConfirmedAction } from "@/lib/use-confirmed-action";

/** Cancels a placed order after the consumer confirms; the order page then confirms it (role status). */
export function CancelOrderButton({ orderId, number, payLater }: { orderId: number; number: string; payLater: boolean }) {
  const trpc = useTRPC();
  const t = useText("cancelOrder");
  const router = useRouter();
  const cancel = useMutation(trpc.shop.cancelOrder.mutationOptions());
  const { confirming, setConfirming, error, confirm } = useConfirmedAction(
    () => cancel.mutateAsync({ orderId }),
    () => {
      router.replace(`/account/orders/${orderId}?cancelled=1`);
      router.refresh();
    },
  );

  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t("cancel")}
      </Button>
    );
  return (
    <div role="group" aria-label={t("confirmLabel")} className="max-w-sm space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
      <p className="text-red-900">{t(payLater ? "confirmPayLater" : "confirmPayNow", { number })}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={confirm} disabled={cancel.isPending}>
          {cancel.isPending ? t("cancelling") : t("yes")}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          {t("keep")}
        </Button>
      </div>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
