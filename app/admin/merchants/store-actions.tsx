"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";

type Store = { storeId: number; name: string; active: boolean; payLaterForcedOff: boolean };
type Pending = { kind: "active"; value: boolean } | { kind: "forcedOff"; value: boolean };

const QUESTION = {
  active: (name: string, value: boolean) => (value ? `Activate ${name}? It takes orders again.` : `Deactivate ${name}? It stops taking orders; open bills are unchanged.`),
  forcedOff: (name: string, value: boolean) =>
    value ? `Force pay later off at ${name}? The merchant cannot turn it back on.` : `Lift the block on pay later at ${name}? The merchant's own setting applies again.`,
};

export function StoreActions({ store }: { store: Store }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setActive = useMutation(trpc.admin.setStoreActive.mutationOptions());
  const setForcedOff = useMutation(trpc.admin.setPayLaterForcedOff.mutationOptions());
  const busy = setActive.isPending || setForcedOff.isPending;

  async function confirm() {
    if (!pending) return;
    setError(null);
    try {
      if (pending.kind === "active") await setActive.mutateAsync({ storeId: store.storeId, active: pending.value });
      else await setForcedOff.mutateAsync({ storeId: store.storeId, forcedOff: pending.value });
      toast.success(
        pending.kind === "active"
          ? `${store.name} is ${pending.value ? "active" : "deactivated"}.`
          : pending.value
            ? `Pay later is forced off at ${store.name}.`
            : `Pay later is no longer blocked at ${store.name}.`,
      );
      router.refresh();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setPending(null);
    }
  }

  if (pending)
    return (
      <div className="w-60">
        <ConfirmAction confirmLabel="Confirm" tone={pending.value === (pending.kind === "forcedOff") ? "danger" : "primary"} onConfirm={confirm} onCancel={() => setPending(null)} pending={busy}>
          {QUESTION[pending.kind](store.name, pending.value)}
        </ConfirmAction>
      </div>
    );
  return (
    <div className="flex w-52 flex-col gap-2">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <Button variant="secondary" onClick={() => setPending({ kind: "active", value: !store.active })} aria-label={`${store.active ? "Deactivate" : "Activate"} ${store.name}`}>
        {store.active ? "Deactivate" : "Activate"}
      </Button>
      <Button
        variant="secondary"
        onClick={() => setPending({ kind: "forcedOff", value: !store.payLaterForcedOff })}
        aria-label={`${store.payLaterForcedOff ? "Lift pay-later block at" : "Force pay later off at"} ${store.name}`}
      >
        {store.payLaterForcedOff ? "Lift pay-later block" : "Force pay later off"}
      </Button>
    </div>
  );
}
