import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader, Stat, EmptyState } from "@/components/ui/card";
import { formatDate, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { SCORE_MAX, SCORE_MIN } from "@/server/domain/policy";
import { PayLaterControls } from "./pay-later-controls";

export const dynamic = "force-dynamic";
export const metadata = { title: "Credit" };

const REASON_LABEL = {
  signup: "Account opened",
  seed: "Opening score",
  on_time_payment: "Paid on time",
  overdue: "Payment overdue",
  overdue_30: "Payment 30 days overdue",
  admin_adjustment: "Adjusted by Houfu support",
} as const;

const STATUS_LABEL = { enabled: "Enabled", not_enabled: "Not enabled", suspended: "Suspended" } as const;

function parseCursor(raw: string | undefined) {
  const match = raw ? /^(\d+)-(\d+)$/.exec(raw) : null;
  return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null;
}

export default async function CreditPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const api = await serverApi();
  const cursor = parseCursor(after);
  const [credit, agreement, report, t, locale] = await Promise.all([
    api.credit.summary(),
    api.credit.agreement(),
    api.credit.events({ limit: 10, cursor }),
    getTranslations("credit"),
    getLocale(),
  ]);
  const zh = locale === "zh-CN";
  const agreementTitle = zh ? "后付先享后付协议" : agreement.title;
  const text = {
    enable: t("enable"), agreementText: t("agreementText"), agree: t("agree", { title: agreementTitle, version: agreement.version }),
    cancel: t("cancel"), confirmEnable: t("confirmEnable"), enabling: t("enabling"), enabled: t("enabled"), turnOff: t("turnOff"),
    turnOffTitle: t("turnOffTitle"), keepOn: t("keepOn"), turnOffConfirm: t("turnOffConfirm"), turningOff: t("turningOff"), turnedOff: t("turnedOff"),
    dialogTitle: zh ? `${agreementTitle}（${t("version", { version: agreement.version })}）` : `${agreement.title} (version ${agreement.version})`,
  };
  const position = ((credit.score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * 100;
  const thresholdPosition = ((credit.minScore - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * 100;
  const eligibility = credit.payLaterStatus === "not_enabled" && credit.score >= credit.minScore && !credit.hasOverdue;

  return (
    <div className="space-y-8">
      <PageHeader title="Your credit" description="Your Houfu credit score, what it unlocks, and every change to it." />

      <section aria-labelledby="score-heading" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="score-heading" className="text-sm font-medium text-slate-500">Credit score</h2>
        <div className="mt-1 flex flex-wrap items-baseline gap-3">
          <p className="text-6xl font-bold tabular-nums text-slate-900" aria-describedby="score-band">{credit.score}</p>
          <p id="score-band" className="text-lg font-semibold text-brand-700">{credit.band.label}</p>
        </div>
        <p className="mt-1 text-sm text-slate-600">{credit.band.meaning}</p>
        <div className="relative mt-5 h-2 rounded-full bg-gradient-to-r from-red-300 via-amber-300 to-emerald-400" aria-hidden="true">
          <span className="absolute -top-1 h-4 w-1 rounded bg-slate-900" style={{ left: `${position}%` }} />
          <span className="absolute top-3 -translate-x-1/2 text-xs text-slate-500" style={{ left: `${thresholdPosition}%` }}>▲ {credit.minScore}</span>
        </div>
        <div className="mt-6 flex justify-between text-xs text-slate-500" aria-hidden="true">
          <span>{SCORE_MIN}</span>
          <span>{SCORE_MAX}</span>
        </div>
        <p className="sr-only">Scores run from {SCORE_MIN} to {SCORE_MAX}; pay later needs {credit.minScore}.</p>
      </section>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Credit limit" value={formatFen(credit.limitFen)} hint={`Pay later needs a score of ${credit.minScore}`} />
        <Stat label="Available credit" value={formatFen(credit.availableCreditFen)} hint={`${formatFen(credit.usedCreditFen)} in use`} />
        <Stat
          label="Pay later"
          value={STATUS_LABEL[credit.payLaterStatus]}
          tone={credit.payLaterStatus === "suspended" ? "danger" : credit.payLaterStatus === "enabled" ? "good" : "default"}
        />
      </div>

      <section aria-labelledby="paylater-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="paylater-heading" className="text-base font-semibold">Pay later</h2>
        <p id="paylater-status" className="mt-2 text-sm text-slate-700">{credit.statusSentence}</p>
        {credit.payLaterStatus === "suspended" && credit.suspendedReason === "overdue" ? (
          <p className="mt-2 text-sm">
            <Link href="/account/bills" className="text-brand-700 underline">See what is overdue and repay it</Link>
          </p>
        ) : null}
        <div className="mt-4">
          <PayLaterControls
            status={credit.payLaterStatus}
            canEnable={eligibility}
            owedFen={credit.usedCreditFen}
            agreement={{ version: agreement.version, title: agreementTitle, body: zh ? agreement.bodyZh : agreement.bodyEn }}
            text={text}
          />
        </div>
      </section>

      <section aria-labelledby="report-heading">
        <h2 id="report-heading" className="mb-3 text-lg font-semibold">Credit report</h2>
        {report.events.length === 0 ? (
          <EmptyState title="No score changes yet." />
        ) : (
          <div tabIndex={0} className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Every change to your credit score, newest first</caption>
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Date</th>
                  <th scope="col" className="px-4 py-2 font-medium">Change</th>
                  <th scope="col" className="px-4 py-2 font-medium">Reason</th>
                  <th scope="col" className="px-4 py-2 font-medium">Score after</th>
                  <th scope="col" className="px-4 py-2 font-medium">Because of</th>
                </tr>
              </thead>
              <tbody>
                {report.events.map((event) => (
                  <tr key={event.id} className="border-t border-slate-100">
                    <td className="px-4 py-2 whitespace-nowrap">{formatDate(event.createdAt)}</td>
                    <td className={`px-4 py-2 font-medium tabular-nums ${event.delta > 0 ? "text-emerald-700" : event.delta < 0 ? "text-red-700" : "text-slate-500"}`}>
                      {event.delta > 0 ? `+${event.delta}` : event.delta === 0 ? "—" : `−${Math.abs(event.delta)}`}
                    </td>
                    <td className="px-4 py-2">{REASON_LABEL[event.reason]}{event.note && event.reason === "admin_adjustment" ? `: ${event.note}` : ""}</td>
                    <td className="px-4 py-2 tabular-nums">{event.scoreAfter}</td>
                    <td className="px-4 py-2">
                      {event.orderId && event.orderNumber ? (
                        <Link href={`/account/orders/${event.orderId}`} className="text-brand-700 underline">
                          {event.instalmentSeq ? `Instalment ${event.instalmentSeq} of ${event.orderNumber}` : `Order ${event.orderNumber}`}
                        </Link>
                      ) : event.actorName ? (
                        <span>{event.actorName}</span>
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Credit report pages" className="mt-3 flex gap-3 text-sm">
          {cursor ? <Link href="/account/credit" className="text-brand-700 underline">Newest</Link> : null}
          {report.nextCursor ? (
            <Link href={`/account/credit?after=${report.nextCursor.createdAt}-${report.nextCursor.id}`} className="text-brand-700 underline">
              Older changes
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
