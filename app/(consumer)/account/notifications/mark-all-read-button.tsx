"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

/** Marks every notification read; the button then leaves the page, so the page confirms it (role status). */
export function MarkAllReadButton() {
  const trpc = useTRPC();
  const t = useText("markRead");
  const showFailure = useShowFailure();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({
      onSuccess: () => {
        router.replace("/account/notifications?marked=1");
        router.refresh();
      },
      onError: (failure) => {
        setError(showFailure(failure).message);
      },
    }),
  );
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={markAll.isPending}
        onClick={() => {
          setError(null);
          markAll.mutate();
        }}
      >
        {markAll.isPending ? t("marking") : t("markAll")}
      </Button>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  );
}
