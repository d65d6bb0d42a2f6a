"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorNotice } from "@/components/ui/notice";
import { toast } from "@/lib/toast";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

/** Revokes a key after confirmation: requests with it are refused from then on. */
export function RevokeApiKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantDevelopers");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const revoke = useMutation(trpc.merchant.developers.revokeApiKey.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setError(null);
    try {
      await revoke.mutateAsync({ keyId });
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    toast.success(t("revoked", { name }));
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={t("revoke")}
        title={t("revokeTitle", { name })}
        description={t("revokeBody")}
        confirmLabel={t("revokeConfirm")}
        cancelLabel={tc("goBack")}
        variant="danger"
        pending={revoke.isPending}
        onConfirm={onConfirm}
      />
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
