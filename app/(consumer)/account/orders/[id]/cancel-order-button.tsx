"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";

/** Cancels a placed order after the consumer confirms. */
export function CancelOrderButton({ orderId, number, payLater }: { orderId: number; number: string; payLater: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.shop.cancelOrder.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    try {
      await cancel.mutateAsync({ orderId });
    } catch (err) {
      setError(describeError(err).message);
      return;
    }
    setConfirming(false);
    toast.success(`Order ${number} cancelled.`);
    router.replace(`/account/orders/${orderId}?cancelled=1`);
    router.refresh();
  }

  if (!confirming) return <Button variant="secondary" onClick={() => setConfirming(true)}>Cancel order</Button>;
  return (
    <div role="group" aria-label="Confirm cancelling the order" className="max-w-sm space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
      <p className="text-red-900">
        Cancel order {number}? {payLater ? "Its bill is voided and the credit released." : "What you paid is refunded to your card."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={confirm} disabled={cancel.isPending}>Yes, cancel order</Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>Keep order</Button>
      </div>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
