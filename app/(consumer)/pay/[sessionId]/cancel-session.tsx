"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

/** The hosted page's Cancel: closes the session (it cannot be confirmed afterwards), then goes back to the shop. */
export function CancelSession({
  sessionId,
  variant = "ghost",
  text,
}: {
  sessionId: string;
  variant?: "secondary" | "ghost";
  text: { cancel: string; cancelling: string };
}) {
  const trpc = useTRPC();
  const showFailure = useShowFailure();
  const cancel = useMutation(trpc.pay.cancel.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  async function onCancel() {
    setError(null);
    try {
      const closed = await cancel.mutateAsync({ sessionId });
      setLeaving(true);
      window.location.assign(closed.cancelUrl);
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  return (
    <>
      <Button type="button" variant={variant} onClick={onCancel} disabled={cancel.isPending || leaving}>
        {cancel.isPending || leaving ? text.cancelling : text.cancel}
      </Button>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </>
  );
}
