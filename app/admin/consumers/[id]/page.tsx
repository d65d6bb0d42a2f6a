import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { PayLaterBadge } from "@/components/admin/pay-later-badge";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { AdjustScore, PayLaterControl } from "./consumer-actions";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminConsumer"))("metaTitle") };
}

type Profile = { payLaterStatus: string; suspendedReason: "overdue" | "admin" | null; score: number; minScore: number; hasOverdue: boolean };

/** The message key for what the consumer's credit page tells them about pay later (adminConsumer namespace). */
function statusKey(p: Profile): string | null {
  if (p.payLaterStatus === "enabled") return "seesEnabled";
  if (p.payLaterStatus === "suspended") return p.suspendedReason === "admin" ? "seesSuspendedAdmin" : "seesSuspendedOverdue";
  if (p.score < p.minScore) return "seesBelow";
  if (p.hasOverdue) return "seesOverdue";
  return "seesCanEnable";
}

export default async function ConsumerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  const [api, t, tl, locale] = await Promise.all([serverApi(), getTranslations("adminConsumer"), getTranslations("plan"), getLocale()]);
  const profile = await api.admin.consumer({ consumerId: Number(id) }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const consumer = {
    id: profile.user.id,
    name: profile.user.name,
    score: profile.score,
    payLaterStatus: profile.payLaterStatus,
    agreementAccepted: profile.agreementAccepted,
  };
  const bandKey = `band_${profile.band.label.replace(/\s+/g, "_")}`;
  const band = t.has(bandKey) ? t(bandKey) : profile.band.label;
  const sees = statusKey(profile);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/consumers" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={profile.user.name}
        description={
          <>
            {profile.user.email} · <KeepDates>{t("joined", { date: formatDate(profile.user.createdAt, locale) })}</KeepDates> ·{" "}
            <PayLaterBadge status={profile.payLaterStatus} suspendedReason={profile.suspendedReason} />
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("score")}
          value={profile.score}
          hint={t("scoreHint", { band, threshold: profile.minScore })}
          tone={profile.score >= profile.minScore ? "default" : "danger"}
        />
        <Stat label={t("limit")} value={formatFen(profile.limitFen)} hint={t("policyVersion", { version: profile.policyVersion })} />
        <Stat label={t("available")} value={formatFen(profile.availableCreditFen)} hint={t("owed", { amount: formatFen(profile.usedCreditFen) })} />
        <Stat
          label={t("overdue")}
          value={profile.hasOverdue ? t("yes") : t("no")}
          tone={profile.hasOverdue ? "danger" : "good"}
          hint={profile.agreementAccepted ? t("agreementAccepted") : t("agreementNotAccepted")}
        />
      </div>
      <p className="text-sm text-slate-700">
        {t("sees")} {sees ? t(sees, { score: profile.score, threshold: profile.minScore }) : profile.statusSentence}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <AdjustScore consumer={consumer} />
        <PayLaterControl consumer={consumer} />
      </div>

      <Card title={t("creditHistory")}>
        <DataTable
          caption={t("creditHistory")}
          framed={false}
          minWidth="32rem"
          rows={profile.events}
          rowKey={(e) => e.id}
          empty={{ title: t("noEvents") }}
          columns={[
            { key: "when", header: t("when"), className: "whitespace-nowrap", cell: (e) => formatDateTime(e.createdAt, locale) },
            {
              key: "reason",
              header: t("reason"),
              cell: (e) => (
                <>
                  {t(`reason_${e.reason}`)}
                  {e.note ? (
                    <span className="text-slate-600">
                      {t("noteSeparator")}
                      {e.note}
                    </span>
                  ) : null}
                  {e.actorName ? <span className="block text-xs text-slate-500">{t("by", { name: e.actorName })}</span> : null}
                </>
              ),
            },
            {
              key: "change",
              header: t("change"),
              align: "right",
              className: (e) => (e.delta < 0 ? "text-red-700" : "text-emerald-700"),
              cell: (e) => (e.delta > 0 ? `+${e.delta}` : `−${Math.abs(e.delta)}`),
            },
            { key: "score", header: t("scoreAfter"), align: "right", cell: (e) => e.scoreAfter },
          ]}
        />
      </Card>

      <Card title={t("bills")}>
        <DataTable
          caption={t("bills")}
          framed={false}
          minWidth="36rem"
          rows={profile.bills}
          rowKey={(b) => b.id}
          empty={{ title: t("noBills") }}
          columns={[
            { key: "bill", header: t("bill"), className: "whitespace-nowrap", cell: (b) => `#${b.id} · ${formatDate(b.createdAt, locale)}` },
            { key: "store", header: t("store"), cell: (b) => b.storeName },
            {
              key: "plan",
              header: t("plan"),
              cell: (b) => (
                <>
                  {tl.has(b.planCode) ? tl(b.planCode) : b.planCode}{" "}
                  <span className="text-xs text-slate-500">{t("policyShort", { version: b.policyVersion })}</span>
                </>
              ),
            },
            { key: "total", header: t("total"), align: "right", cell: (b) => formatFen(b.totalFen) },
            { key: "owed", header: t("owedCol"), align: "right", cell: (b) => formatFen(b.owedFen) },
            {
              key: "status",
              header: t("status"),
              cell: (b) =>
                b.status === "open" ? (
                  b.overdue ? (
                    <span className="font-medium text-red-700">{t("billOverdue")}</span>
                  ) : (
                    <span>
                      {b.nextDueDate ? <KeepDates>{t("billOpenDue", { date: formatDate(b.nextDueDate, locale) })}</KeepDates> : t("billOpen")}
                    </span>
                  )
                ) : b.status === "paid" ? (
                  t("billPaid")
                ) : (
                  t("billVoid")
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
