"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog>: the browser traps focus inside, Escape closes it,
 * and focus returns to the control that opened it.
 */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      onClose={() => {
        onClose();
        if (opener.current instanceof HTMLElement) opener.current.focus();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="max-h-[85vh] overflow-y-auto p-6">
        <h2 id="dialog-title" className="mb-4 text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {open ? children : null}
      </div>
    </dialog>
  );
}
