"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

type Props = {
  status: "enabled" | "not_enabled" | "suspended";
  canEnable: boolean;
  owedFen: number;
  agreement: { version: number; title: string; body: string };
  /** Translated labels, made on the server (see messages/<locale>/consumer.json, "credit"). */
  text: PayLaterText;
};

export type PayLaterText = {
  enable: string;
  agreementText: string;
  agree: string;
  cancel: string;
  confirmEnable: string;
  enabling: string;
  enabled: string;
  turnOff: string;
  turnOffTitle: string;
  keepOn: string;
  turnOffConfirm: string;
  turningOff: string;
  turnedOff: string;
  dialogTitle: string;
  /** What turning off means: stillOwe while anything is owed, offNote otherwise. */
  stillOwe: string;
  offNote: string;
};

export function PayLaterControls({ status, canEnable, owedFen, agreement, text }: Props) {
  const trpc = useTRPC();
  const showFailure = useShowFailure();
  const router = useRouter();
  const [open, setOpen] = useState<"enable" | "disable" | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const enable = useMutation(trpc.credit.enablePayLater.mutationOptions());
  const disable = useMutation(trpc.credit.disablePayLater.mutationOptions());

  const close = () => {
    setOpen(null);
    setError(null);
    setAgreed(false);
  };

  async function confirmEnable() {
    setError(null);
    try {
      await enable.mutateAsync({ agreementVersion: agreement.version, accepted: true });
      close();
      setDone(text.enabled);
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  async function confirmDisable() {
    setError(null);
    try {
      await disable.mutateAsync();
      close();
      setDone(text.turnedOff);
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  const notice = done ? (
    <div className="mb-3">
      <StatusNotice>{done}</StatusNotice>
    </div>
  ) : null;

  if (status === "enabled") {
    return (
      <>
        {notice}
        <Button variant="secondary" onClick={() => setOpen("disable")}>
          {text.turnOff}
        </Button>
        <Dialog open={open === "disable"} onClose={close} title={text.turnOffTitle}>
          <div className="space-y-4">
            {error ? <ErrorNotice>{error}</ErrorNotice> : null}
            <p className="text-sm text-slate-700">{owedFen > 0 ? text.stillOwe : text.offNote}</p>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {text.keepOn}
              </Button>
              <Button variant="danger" onClick={confirmDisable} disabled={disable.isPending}>
                {disable.isPending ? text.turningOff : text.turnOffConfirm}
              </Button>
            </div>
          </div>
        </Dialog>
      </>
    );
  }

  // Suspended: the sentence above says why and the way back; an Enable button that cannot be pressed would contradict it.
  if (status === "suspended") return notice;

  return (
    <>
      {notice}
      <Button onClick={() => setOpen("enable")} disabled={!canEnable} aria-describedby="paylater-status">
        {text.enable}
      </Button>
      <Dialog open={open === "enable"} onClose={close} title={text.dialogTitle}>
        <div className="space-y-4">
          {error ? <ErrorNotice>{error}</ErrorNotice> : null}
          <div
            className="max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm whitespace-pre-line text-slate-700"
            role="region"
            tabIndex={0}
            aria-label={text.agreementText}
          >
            {agreement.body}
          </div>
          <label className="flex min-h-11 items-start gap-3 text-sm">
            <input type="checkbox" className="mt-1 size-5" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
            <span>{text.agree}</span>
          </label>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {text.cancel}
            </Button>
            <Button onClick={confirmEnable} disabled={!agreed || enable.isPending}>
              {enable.isPending ? text.enabling : text.confirmEnable}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
