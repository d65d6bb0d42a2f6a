"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useText } from "@/lib/i18n/text";

/** The inline "are you sure?" step shown before an admin action takes effect. */
export function ConfirmAction({
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  pending = false,
  tone = "primary",
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  tone?: "primary" | "danger";
}) {
  const t = useText("staff");
  return (
    <div role="group" aria-label={t("confirmGroup")} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <div>{children}</div>
      <div className="flex flex-wrap gap-2">
        <Button autoFocus variant={tone} onClick={onConfirm} disabled={pending}>
          {pending ? t("working") : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
