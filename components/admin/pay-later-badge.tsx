import { getTranslations } from "next-intl/server";
import type { PayLaterStatus } from "@/db/schema";

const TONES: Record<PayLaterStatus, string> = {
  enabled: "bg-emerald-50 text-emerald-800",
  not_enabled: "bg-slate-100 text-slate-700",
  suspended: "bg-red-50 text-red-800",
};

/** The message key for a consumer's pay-later state (adminPayLater namespace). */
export function payLaterKey(status: PayLaterStatus, suspendedReason: "overdue" | "admin" | null): string {
  if (status !== "suspended") return status;
  return suspendedReason === "admin" ? "suspended_admin" : "suspended_overdue";
}

export async function PayLaterBadge({ status, suspendedReason }: { status: PayLaterStatus; suspendedReason: "overdue" | "admin" | null }) {
  const t = await getTranslations("adminPayLater");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{t(payLaterKey(status, suspendedReason))}</span>
  );
}
