import { getLocale, getTranslations } from "next-intl/server";
import { ScoreHistory } from "@/components/credit/score-history";
import { EmptyState } from "@/components/ui/card";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { LONG_OVERDUE_DAYS } from "@/server/domain/effects";

/** The score over time (chart and table) and, from the policy in force, what raises it and what the next band needs. */
export async function ScoreHistorySection({ hasOverdue }: { hasOverdue: boolean }) {
  const [history, t, locale] = await Promise.all([(await serverApi()).credit.scoreHistory(), getTranslations("scoreHistory"), getLocale()]);
  const { wayUp } = history;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="score-history-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="score-history-heading" className="mb-3 text-base font-semibold">
          {t("title")}
        </h2>
        {history.points.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ScoreHistory
            points={history.points}
            locale={locale}
            labels={{
              chartLabel: t("chartLabel"),
              tableCaption: t("tableCaption"),
              showTable: t("showTable"),
              showChart: t("showChart"),
              date: t("date"),
              score: t("score"),
            }}
          />
        )}
      </section>
      <section aria-labelledby="way-up-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="way-up-heading" className="mb-3 text-base font-semibold">
          {t("wayUp")}
        </h2>
        <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
          {hasOverdue ? <li className="font-medium text-red-800">{t("repayOverdue")}</li> : null}
          <li>{t("onTime", { points: wayUp.onTimeBonus })}</li>
          <li>{t("overdue", { points: wayUp.overduePenalty, more: wayUp.overdue30Penalty, days: LONG_OVERDUE_DAYS })}</li>
          {wayUp.threshold ? (
            <li>
              {t("threshold", { score: wayUp.threshold.score, points: wayUp.threshold.pointsNeeded, payments: wayUp.threshold.onTimePayments })}
            </li>
          ) : null}
          <li data-testid="next-band">
            {wayUp.nextBand
              ? t("nextBand", {
                  score: wayUp.nextBand.score,
                  limit: formatFen(wayUp.nextBand.limitFen),
                  points: wayUp.nextBand.pointsNeeded,
                  payments: wayUp.nextBand.onTimePayments,
                })
              : t("topBand", { limit: formatFen(wayUp.currentLimitFen) })}
          </li>
        </ul>
      </section>
    </div>
  );
}
