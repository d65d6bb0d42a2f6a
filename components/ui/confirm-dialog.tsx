"use client";
import { useId, useRef, type FormEvent, type ReactNode } from "react";
import { Button } from "./button";

type Variant = "primary" | "secondary" | "danger";

/**
 * A button that opens a modal asking for confirmation (and any extra fields) before an action.
 * `onConfirm` gets the dialog's form data; return false to keep the dialog open.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = "Go back",
  variant = "primary",
  triggerVariant = "secondary",
  pending = false,
  children,
  onConfirm,
}: {
  trigger: string;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: Variant;
  triggerVariant?: Variant;
  pending?: boolean;
  children?: ReactNode;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler may return nothing (void) or false to keep the dialog open
  onConfirm: (form: FormData) => Promise<boolean | void> | boolean | void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const keepOpen = (await onConfirm(new FormData(event.currentTarget))) === false;
    if (!keepOpen) dialog.current?.close();
  }

  return (
    <>
      <Button variant={triggerVariant} onClick={() => dialog.current?.showModal()} disabled={pending}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={submit} className="space-y-4 p-5" noValidate>
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="text-sm text-slate-600">
              {description}
            </p>
          ) : null}
          {children}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </Button>
            <Button type="submit" variant={variant} disabled={pending}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
