"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { toast } from "@/lib/toast";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

export function CreatePublishableKeyButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantWebhooks");
  const showFailure = useShowFailure();
  const create = useMutation(trpc.merchant.developers.webhooks.createPublishableKey.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setError(null);
    try {
      await create.mutateAsync();
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    toast.success(t("publishableCreated"));
    router.refresh();
  }
  return (
    <div className="space-y-2">
      <Button onClick={onClick} disabled={create.isPending}>
        {t("publishableCreate")}
      </Button>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
