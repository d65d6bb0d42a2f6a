import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { PayLaterBadge } from "@/components/admin/pay-later-badge";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { AdjustScore, PayLaterControl } from "./consumer-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Consumer" };

const REASONS = {
  signup: "Signed up",
  on_time_payment: "Paid on time",
  overdue: "Went overdue",
  overdue_30: "30 days overdue",
  admin_adjustment: "Admin adjustment",
  seed: "Opening score",
} as const;

const PLANS: Record<string, string> = { pay_in_30: "Pay in 30 days", pay_in_3: "Pay in 3" };

export default async function ConsumerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  const api = await serverApi();
  const profile = await api.admin.consumer({ consumerId: Number(id) }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const consumer = { id: profile.user.id, name: profile.user.name, score: profile.score, payLaterStatus: profile.payLaterStatus, agreementAccepted: profile.agreementAccepted };
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/consumers" className="text-brand-700 underline">← Consumers</Link></p>
      <PageHeader
        title={profile.user.name}
        description={
          <>
            {profile.user.email} · joined {formatDate(profile.user.createdAt)} · <PayLaterBadge status={profile.payLaterStatus} suspendedReason={profile.suspendedReason} />
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Credit score" value={profile.score} hint={`${profile.band.label} · threshold ${profile.minScore}`} tone={profile.score >= profile.minScore ? "default" : "danger"} />
        <Stat label="Credit limit" value={formatFen(profile.limitFen)} hint={`Policy version ${profile.policyVersion}`} />
        <Stat label="Available credit" value={formatFen(profile.availableCreditFen)} hint={`${formatFen(profile.usedCreditFen)} owed`} />
        <Stat label="Overdue" value={profile.hasOverdue ? "Yes" : "No"} tone={profile.hasOverdue ? "danger" : "good"} hint={profile.agreementAccepted ? "Agreement accepted" : "Agreement not accepted"} />
      </div>
      <p className="text-sm text-slate-700">What the consumer sees: {profile.statusSentence}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <AdjustScore consumer={consumer} />
        <PayLaterControl consumer={consumer} />
      </div>

      <Card title="Credit history">
        {profile.events.length === 0 ? (
          <EmptyState title="No score changes yet." />
        ) : (
          <div tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">When</th>
                  <th scope="col" className="py-2 pr-3">Reason</th>
                  <th scope="col" className="py-2 pr-3 text-right">Change</th>
                  <th scope="col" className="py-2 text-right">Score</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {profile.events.map((e) => (
                  <tr key={e.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.createdAt)}</td>
                    <td className="py-2 pr-3">
                      {REASONS[e.reason]}
                      {e.note ? <span className="text-slate-600">: {e.note}</span> : null}
                      {e.actorName ? <span className="block text-xs text-slate-500">by {e.actorName}</span> : null}
                    </td>
                    <td className={`py-2 pr-3 text-right tabular-nums ${e.delta < 0 ? "text-red-700" : "text-emerald-700"}`}>{e.delta > 0 ? `+${e.delta}` : `−${Math.abs(e.delta)}`}</td>
                    <td className="py-2 text-right tabular-nums">{e.scoreAfter}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Bills">
        {profile.bills.length === 0 ? (
          <EmptyState title="No pay-later bills." />
        ) : (
          <div tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">Bill</th>
                  <th scope="col" className="py-2 pr-3">Store</th>
                  <th scope="col" className="py-2 pr-3">Plan</th>
                  <th scope="col" className="py-2 pr-3 text-right">Total</th>
                  <th scope="col" className="py-2 pr-3 text-right">Owed</th>
                  <th scope="col" className="py-2">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {profile.bills.map((b) => (
                  <tr key={b.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">#{b.id} · {formatDate(b.createdAt)}</td>
                    <td className="py-2 pr-3">{b.storeName}</td>
                    <td className="py-2 pr-3">{PLANS[b.planCode] ?? b.planCode} <span className="text-xs text-slate-500">(policy v{b.policyVersion})</span></td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatFen(b.totalFen)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatFen(b.owedFen)}</td>
                    <td className="py-2">
                      {b.status === "open" ? (
                        b.overdue ? <span className="font-medium text-red-700">Overdue</span> : <span>Open{b.nextDueDate ? ` · due ${formatDate(b.nextDueDate)}` : ""}</span>
                      ) : b.status === "paid" ? "Paid" : "Void"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
