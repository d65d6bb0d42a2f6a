"use client";
import { useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Text = { trigger: string; title: string; description: string; confirm: string; cancel: string };

/** Asks first, then runs the server action it is given (it ends every session and sends this browser to sign in). */
export function SignOutEverywhereButton({ action, text }: { action: () => Promise<never>; text: Text }) {
  const [pending, startTransition] = useTransition();
  return (
    <ConfirmDialog
      trigger={text.trigger}
      title={text.title}
      description={text.description}
      confirmLabel={text.confirm}
      cancelLabel={text.cancel}
      variant="danger"
      pending={pending}
      onConfirm={() => startTransition(() => action())}
    />
  );
}
