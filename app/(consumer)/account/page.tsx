import Link from "next/link";
import { DeniedNotice } from "@/components/layout/denied-notice";
import { PageHeader, Stat } from "@/components/ui/card";
import { formatDate, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

const STATUS_LABEL = { enabled: "Enabled", not_enabled: "Not enabled", suspended: "Suspended" } as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const api = await serverApi();
  const credit = await api.credit.summary();
  return (
    <div>
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title="Your account" description="Your credit and what is coming up, at a glance." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Credit score" value={credit.score} hint={credit.band.label} />
        <Stat label="Available credit" value={formatFen(credit.availableCreditFen)} hint={`of ${formatFen(credit.limitFen)} limit`} />
        <Stat
          label="Next payment"
          value={credit.nextPayment ? formatFen(credit.nextPayment.owedFen) : "Nothing due"}
          hint={credit.nextPayment ? `Due ${formatDate(credit.nextPayment.dueDate)}` : undefined}
        />
        <Stat
          label="Pay later"
          value={STATUS_LABEL[credit.payLaterStatus]}
          tone={credit.payLaterStatus === "suspended" ? "danger" : credit.payLaterStatus === "enabled" ? "good" : "default"}
        />
      </div>
      <p className="mt-4 text-sm text-slate-700">{credit.statusSentence}</p>
      <div className="mt-6 flex flex-wrap gap-3 text-sm">
        <Link className="text-brand-700 underline" href="/account/credit">Credit report</Link>
        <Link className="text-brand-700 underline" href="/account/bills">Bills</Link>
        <Link className="text-brand-700 underline" href="/account/orders">Orders</Link>
      </div>
    </div>
  );
}
