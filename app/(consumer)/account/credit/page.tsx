import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader, Stat, EmptyState, Section } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatFen } from "@/lib/format";
import { payLaterStatusText, scoreBandText } from "@/lib/i18n/localise";
import { ListSkeleton } from "@/components/states/list-skeleton";
import { serverApi } from "@/server/api/server-caller";
import { SCORE_MAX, SCORE_MIN } from "@/server/domain/policy";
import { PayLaterControls } from "./pay-later-controls";
import { ScoreHistorySection } from "./score-history-section";
import { decodeTimeCursor, pageCursor } from "@/server/domain/cursor";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("credit") };
}

export default async function CreditPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const api = await serverApi();
  const cursor = pageCursor(after, decodeTimeCursor);
  const [credit, agreement, t, tPage, tStatus, tSentence, tBand, locale] = await Promise.all([
    api.credit.summary(),
    api.credit.agreement(),
    getTranslations("credit"),
    getTranslations("creditPage"),
    getTranslations("payLaterStatus"),
    getTranslations("creditStatus"),
    getTranslations("scoreBand"),
    getLocale(),
  ]);
  const tLoading = await getTranslations("states");
  const zh = locale === "zh-CN";
  const agreementTitle = tPage("agreementTitle", { title: agreement.title });
  const band = scoreBandText(tBand, credit.standing, formatFen);
  const overLimit = credit.usedCreditFen > credit.limitFen;
  const repaidBelowThreshold = credit.payLaterStatus === "suspended" && credit.suspendedReason === "overdue" && !credit.hasOverdue;
  const text = {
    enable: t("enable"),
    agreementText: t("agreementText"),
    agree: t("agree", { title: agreementTitle, version: agreement.version }),
    cancel: t("cancel"),
    confirmEnable: t("confirmEnable"),
    enabling: t("enabling"),
    enabled: t("enabled"),
    turnOff: t("turnOff"),
    turnOffTitle: t("turnOffTitle"),
    keepOn: t("keepOn"),
    turnOffConfirm: t("turnOffConfirm"),
    turningOff: t("turningOff"),
    turnedOff: t("turnedOff"),
    dialogTitle: tPage("dialogTitle", { title: agreementTitle, version: agreement.version }),
    stillOwe: tPage("stillOwe", { amount: formatFen(credit.usedCreditFen) }),
    offNote: tPage("offNote"),
  };
  const position = ((credit.score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * 100;
  const thresholdPosition = ((credit.minScore - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * 100;
  const eligibility = credit.payLaterStatus === "not_enabled" && credit.score >= credit.minScore && !credit.hasOverdue;

  return (
    <div className="space-y-8">
      <PageHeader title={tPage("title")} description={tPage("description")} />

      <section aria-labelledby="score-heading" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="score-heading" className="text-sm font-medium text-slate-500">
          {tPage("score")}
        </h2>
        <div className="mt-1 flex flex-wrap items-baseline gap-3">
          <p className="text-6xl font-bold tabular-nums text-slate-900" aria-describedby="score-band">
            {credit.score}
          </p>
          <p id="score-band" className="text-lg font-semibold text-brand-700">
            {band.label}
          </p>
        </div>
        <p className="mt-1 text-sm text-slate-600">{band.meaning}</p>
        <div className="relative mt-5 h-2 rounded-full bg-gradient-to-r from-red-300 via-amber-300 to-emerald-400" aria-hidden="true">
          <span className="absolute -top-1 h-4 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: `${position}%` }} />
          <span className="absolute -top-1 h-4 w-0.5 -translate-x-1/2 rounded bg-slate-500" style={{ left: `${thresholdPosition}%` }} />
        </div>
        {/* Each marker says whose it is: the consumer's own score above the bar, the threshold below it. */}
        <div className="relative h-10 text-xs" aria-hidden="true">
          <span
            data-testid="gauge-you"
            className="absolute top-1 -translate-x-1/2 whitespace-nowrap font-semibold text-slate-900"
            style={{ left: `${Math.min(88, Math.max(12, position))}%` }}
          >
            {tPage("gaugeYou", { score: credit.score })}
          </span>
          <span
            data-testid="gauge-needs"
            className="absolute top-5 -translate-x-1/2 whitespace-nowrap text-slate-600"
            style={{ left: `${Math.min(88, Math.max(12, thresholdPosition))}%` }}
          >
            ▲ {tPage("gaugeNeeds", { score: credit.minScore })}
          </span>
        </div>
        <div className="flex justify-between text-xs text-slate-500" aria-hidden="true">
          <span>{SCORE_MIN}</span>
          <span>{SCORE_MAX}</span>
        </div>
        <p className="sr-only">{tPage("scale", { min: SCORE_MIN, max: SCORE_MAX, needed: credit.minScore })}</p>
      </section>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={tPage("limit")} value={formatFen(credit.limitFen)} hint={tPage("needs", { score: credit.minScore })} />
        <Stat
          label={tPage("available")}
          value={formatFen(credit.availableCreditFen)}
          hint={
            overLimit
              ? tPage("inUseOfLimit", { amount: formatFen(credit.usedCreditFen), limit: formatFen(credit.limitFen) })
              : tPage("inUse", { amount: formatFen(credit.usedCreditFen) })
          }
        />
        <Stat
          label={tPage("payLater")}
          value={tStatus(credit.payLaterStatus)}
          tone={credit.payLaterStatus === "suspended" ? "danger" : credit.payLaterStatus === "enabled" ? "good" : "default"}
        />
      </div>

      <section aria-labelledby="paylater-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="paylater-heading" className="text-base font-semibold">
          {tPage("payLater")}
        </h2>
        <p id="paylater-status" className="mt-2 text-sm text-slate-700">
          {payLaterStatusText(tSentence, credit)}
        </p>
        {overLimit ? (
          <p className="mt-2 text-sm text-slate-700">
            {tPage("overLimit", { amount: formatFen(credit.usedCreditFen), limit: formatFen(credit.limitFen) })}
          </p>
        ) : null}
        {credit.payLaterStatus === "suspended" && credit.suspendedReason === "admin" ? (
          <div className="mt-2 space-y-1 text-sm text-slate-700">
            {credit.suspendedNote ? <p>{tPage("suspendedBecause", { reason: credit.suspendedNote })}</p> : null}
            <p>
              <Link href="/support" className="text-brand-700 underline">
                {tPage("contactSupport")}
              </Link>
            </p>
          </div>
        ) : null}
        {credit.payLaterStatus === "suspended" && credit.suspendedReason === "overdue" && !repaidBelowThreshold ? (
          <p className="mt-2 text-sm">
            <Link href="/account/bills" className="text-brand-700 underline">
              {tPage("seeOverdue")}
            </Link>
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

      {/* the score over time and the way up */}
      <Suspense fallback={<ListSkeleton label={tLoading("loading")} rows={4} />}>
        <ScoreHistorySection hasOverdue={credit.hasOverdue} />
      </Suspense>

      <Section id="report" title={tPage("report")}>
        <Suspense fallback={<ListSkeleton label={tLoading("loading")} rows={5} />}>
          <CreditReport cursor={cursor} locale={locale} />
        </Suspense>
      </Section>
    </div>
  );
}

/** The credit report: every score change, newest first, ten at a time. Streams in after the figures above. */
async function CreditReport({ cursor, locale }: { cursor: string | null; locale: string }) {
  const api = await serverApi();
  const [report, t, tReason] = await Promise.all([
    api.credit.events({ limit: 10, cursor }),
    getTranslations("creditPage"),
    getTranslations("creditReason"),
  ]);
  return (
    <>
      {report.events.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DataTable
          caption={t("caption")}
          label={t("region")}
          minWidth="36rem"
          rows={report.events}
          rowKey={(event) => event.id}
          columns={[
            { key: "date", header: t("date"), className: "whitespace-nowrap", cell: (event) => formatDate(event.createdAt, locale) },
            {
              key: "change",
              header: t("change"),
              className: (event) =>
                `font-medium tabular-nums ${event.delta > 0 ? "text-emerald-700" : event.delta < 0 ? "text-red-700" : "text-slate-500"}`,
              cell: (event) => (event.delta > 0 ? `+${event.delta}` : event.delta === 0 ? "—" : `−${Math.abs(event.delta)}`),
            },
            {
              key: "reason",
              header: t("reason"),
              cell: (event) => `${tReason(event.reason)}${event.note && event.reason === "admin_adjustment" ? `: ${event.note}` : ""}`,
            },
            { key: "scoreAfter", header: t("scoreAfter"), className: "tabular-nums", cell: (event) => event.scoreAfter },
            {
              key: "because",
              header: t("because"),
              cell: (event) =>
                event.orderId && event.orderNumber ? (
                  <Link href={`/account/orders/${event.orderId}`} className="text-brand-700 underline">
                    {event.instalmentSeq
                      ? t("instalmentOf", { seq: event.instalmentSeq, order: event.orderNumber })
                      : t("order", { order: event.orderNumber })}
                  </Link>
                ) : event.actorName ? (
                  <span>{event.actorName}</span>
                ) : (
                  <span className="text-slate-500">—</span>
                ),
            },
          ]}
        />
      )}
      <nav aria-label={t("pages")} className="mt-3 flex gap-3 text-sm">
        {cursor ? (
          <Link href="/account/credit" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {report.nextCursor ? (
          <Link href={`/account/credit?after=${report.nextCursor}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
