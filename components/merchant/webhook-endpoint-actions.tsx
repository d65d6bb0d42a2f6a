"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { toast } from "@/lib/toast";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

/** Send a test event, enable or disable, and delete (confirmed) one endpoint. */
export function WebhookEndpointActions({ endpointId, url, enabled }: { endpointId: number; url: string; enabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantWebhooks");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const [error, setError] = useState<string | null>(null);
  const setEnabled = useMutation(trpc.merchant.developers.webhooks.setEndpointEnabled.mutationOptions());
  const sendTest = useMutation(trpc.merchant.developers.webhooks.sendTestEvent.mutationOptions());
  const remove = useMutation(trpc.merchant.developers.webhooks.deleteEndpoint.mutationOptions());

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(showFailure(err).message);
      return false;
    }
    toast.success(done);
    router.refresh();
    return true;
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!enabled || sendTest.isPending}
          aria-label={`${t("sendTest")}: ${url}`}
          onClick={() => run(() => sendTest.mutateAsync({ endpointId }), t("testQueued"))}
        >
          {sendTest.isPending ? t("sending") : t("sendTest")}
        </Button>
        <a
          href={`/merchant/developers/webhooks/${endpointId}`}
          aria-label={`${t("log")}: ${url}`}
          className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
        >
          {t("log")}
        </a>
        <Button
          variant="secondary"
          disabled={setEnabled.isPending}
          aria-label={`${enabled ? t("disable") : t("enable")}: ${url}`}
          onClick={() => run(() => setEnabled.mutateAsync({ endpointId, enabled: !enabled }), enabled ? t("disabledNow") : t("enabledNow"))}
        >
          {enabled ? t("disable") : t("enable")}
        </Button>
        <ConfirmDialog
          trigger={t("delete")}
          title={t("deleteTitle")}
          description={t("deleteBody", { url })}
          confirmLabel={t("deleteConfirm")}
          cancelLabel={tc("goBack")}
          variant="danger"
          pending={remove.isPending}
          onConfirm={() => run(() => remove.mutateAsync({ endpointId }), t("deleted"))}
        />
      </div>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
