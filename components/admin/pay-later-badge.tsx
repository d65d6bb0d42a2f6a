import type { PayLaterStatus } from "@/db/schema";

const LABELS: Record<PayLaterStatus, string> = { enabled: "Enabled", not_enabled: "Not enabled", suspended: "Suspended" };
const TONES: Record<PayLaterStatus, string> = {
  enabled: "bg-emerald-50 text-emerald-800",
  not_enabled: "bg-slate-100 text-slate-700",
  suspended: "bg-red-50 text-red-800",
};

export function payLaterLabel(status: PayLaterStatus, suspendedReason: "overdue" | "admin" | null): string {
  if (status !== "suspended") return LABELS[status];
  return suspendedReason === "admin" ? "Suspended by admin" : "Suspended (overdue)";
}

export function PayLaterBadge({ status, suspendedReason }: { status: PayLaterStatus; suspendedReason: "overdue" | "admin" | null }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{payLaterLabel(status, suspendedReason)}</span>;
}
