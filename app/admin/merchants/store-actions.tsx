"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

type Store = { storeId: number; name: string; active: boolean; payLaterForcedOff: boolean };
type Pending = { kind: "active"; value: boolean } | { kind: "forcedOff"; value: boolean };

/** Message keys (adminStoreActions) for the question before, and the sentence after, each change. */
const KEYS = {
  active: (value: boolean) => (value ? { ask: "askActivate", done: "activated" } : { ask: "askDeactivate", done: "deactivated" }),
  forcedOff: (value: boolean) => (value ? { ask: "askForceOff", done: "forcedOff" } : { ask: "askLift", done: "lifted" }),
};

export function StoreActions({ store }: { store: Store }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("adminStoreActions");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Forcing pay later off needs a reason: the merchant reads it on their settings page.
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const setActive = useMutation(trpc.admin.setStoreActive.mutationOptions());
  const setForcedOff = useMutation(trpc.admin.setPayLaterForcedOff.mutationOptions());
  const busy = setActive.isPending || setForcedOff.isPending;
  const name = store.name;

  async function confirm() {
    if (!pending) return;
    setError(null);
    setDone(null);
    const forcingOff = pending.kind === "forcedOff" && pending.value;
    if (forcingOff && !reason.trim()) {
      setReasonError(t("reasonMissing"));
      return;
    }
    setReasonError(undefined);
    try {
      if (pending.kind === "active") await setActive.mutateAsync({ storeId: store.storeId, active: pending.value });
      else if (pending.value) await setForcedOff.mutateAsync({ storeId: store.storeId, forcedOff: true, reason: reason.trim() });
      else await setForcedOff.mutateAsync({ storeId: store.storeId, forcedOff: false });
      const message = t(KEYS[pending.kind](pending.value).done, { name });
      setDone(message);
      setReason("");
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
    } finally {
      setPending(null);
    }
  }

  if (pending)
    return (
      <div className="w-60">
        <ConfirmAction
          confirmLabel={tc("confirm")}
          tone={pending.value === (pending.kind === "forcedOff") ? "danger" : "primary"}
          onConfirm={confirm}
          onCancel={() => {
            setPending(null);
            setReasonError(undefined);
          }}
          pending={busy}
        >
          <p>{t(KEYS[pending.kind](pending.value).ask, { name })}</p>
          {pending.kind === "forcedOff" && pending.value ? (
            <div className="mt-3">
              <Field
                id={`force-off-reason-${store.storeId}`}
                label={t("reason")}
                hint={t("reasonHint")}
                value={reason}
                maxLength={300}
                onChange={(e) => setReason(e.target.value)}
                error={reasonError}
              />
            </div>
          ) : null}
        </ConfirmAction>
      </div>
    );
  return (
    <div className="flex w-52 flex-col gap-2">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      <Button
        variant="secondary"
        onClick={() => setPending({ kind: "active", value: !store.active })}
        aria-label={t(store.active ? "deactivateLabel" : "activateLabel", { name })}
      >
        {store.active ? t("deactivate") : t("activate")}
      </Button>
      <Button
        variant="secondary"
        onClick={() => setPending({ kind: "forcedOff", value: !store.payLaterForcedOff })}
        aria-label={t(store.payLaterForcedOff ? "liftLabel" : "forceOffLabel", { name })}
      >
        {store.payLaterForcedOff ? t("lift") : t("forceOff")}
      </Button>
    </div>
  );
}
