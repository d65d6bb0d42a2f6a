"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

type ExportLabels = { download: string; preparing: string; ready: string };

/** Downloads the consumer's data as a JSON file (each download is audited, so it is a mutation). */
export function ExportDataButton({ labels, fileName }: { labels: ExportLabels; fileName: string }) {
  const trpc = useTRPC();
  const showFailure = useShowFailure();
  const exportData = useMutation(trpc.privacy.exportData.mutationOptions());
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    setDone(false);
    try {
      const data = await exportData.mutateAsync();
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(true);
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  return (
    <div className="space-y-2">
      <Button onClick={download} disabled={exportData.isPending}>
        {exportData.isPending ? labels.preparing : labels.download}
      </Button>
      {done ? <StatusNotice>{labels.ready}</StatusNotice> : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}

type CloseLabels = {
  close: string;
  title: string;
  body: string;
  confirmLabel: string;
  word: string;
  confirm: string;
  cancel: string;
  closing: string;
};

/** Closes the account after the consumer types the confirmation word in a dialog; then `signOut` (a server action) drops the cookie. */
export function CloseAccountButton({ labels, signOut }: { labels: CloseLabels; signOut: () => Promise<never> }) {
  const trpc = useTRPC();
  const showFailure = useShowFailure();
  const close = useMutation(trpc.privacy.closeAccount.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={labels.close}
        triggerVariant="danger"
        variant="danger"
        title={labels.title}
        description={labels.body}
        confirmLabel={close.isPending ? labels.closing : labels.confirm}
        cancelLabel={labels.cancel}
        pending={close.isPending}
        onConfirm={async (form) => {
          setError(null);
          try {
            await close.mutateAsync({ confirm: String(form.get("confirm") ?? "").trim() as "CLOSE" });
          } catch (err) {
            setError(showFailure(err).message);
            return;
          }
          await signOut();
        }}
      >
        <Field id="close-confirm" name="confirm" label={labels.confirmLabel} autoComplete="off" required />
      </ConfirmDialog>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
