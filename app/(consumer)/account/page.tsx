import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SessionsCard } from "@/components/layout/sessions-card";
import { DeniedNotice } from "@/components/layout/denied-notice";
import { buttonClass } from "@/components/ui/button";
import { PageHeader, Stat } from "@/components/ui/card";
import { formatDate, formatFen } from "@/lib/format";
import { payLaterStatusText, scoreBandText } from "@/lib/i18n/localise";
import { serverApi } from "@/server/api/server-caller";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("account") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const api = await serverApi();
  const [credit, locale, t, tStatus, tSentence, tBand] = await Promise.all([
    api.credit.summary(),
    getLocale(),
    getTranslations("account"),
    getTranslations("payLaterStatus"),
    getTranslations("creditStatus"),
    getTranslations("scoreBand"),
  ]);
  const [tStatements, tPrivacy] = await Promise.all([getTranslations("statementsPage"), getTranslations("privacyPage")]);
  return (
    <div>
      <DeniedNotice searchParams={searchParams} />
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("creditScore")} value={credit.score} hint={scoreBandText(tBand, credit.standing, formatFen).label} />
        <Stat label={t("available")} value={formatFen(credit.availableCreditFen)} hint={t("ofLimit", { limit: formatFen(credit.limitFen) })} />
        {credit.pastDue ? (
          <PastDueCard
            title={t("pastDueTitle")}
            sentence={t("pastDue", { amount: formatFen(credit.pastDue.owedFen), days: credit.pastDue.daysPastDue })}
            hint={
              credit.pastDue.overdue
                ? t("pastDueFee")
                : t("inGraceHint", { date: formatDate(credit.pastDue.lateFeeFrom ?? credit.nextPayment?.dueDate ?? "", locale) })
            }
            pay={t("pay", { amount: formatFen(credit.pastDue.owedFen) })}
          />
        ) : (
          <Stat
            label={t("nextPayment")}
            value={credit.nextPayment ? formatFen(credit.nextPayment.owedFen) : t("nothingDue")}
            hint={credit.nextPayment ? <KeepDates>{t("due", { date: formatDate(credit.nextPayment.dueDate, locale) })}</KeepDates> : undefined}
          />
        )}
        <Stat
          label={t("payLater")}
          value={tStatus(credit.payLaterStatus)}
          tone={credit.payLaterStatus === "suspended" ? "danger" : credit.payLaterStatus === "enabled" ? "good" : "default"}
        />
      </div>
      <p className="mt-4 text-sm text-slate-700">{payLaterStatusText(tSentence, credit)}</p>
      <div className="mt-6 flex flex-wrap gap-3 text-sm">
        <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/account/credit">
          {t("creditReport")}
        </Link>
        <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/account/bills">
          {t("bills")}
        </Link>
        <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/account/orders">
          {t("orders")}
        </Link>
        {/* statements and your data */}
        <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/account/statements">
          {tStatements("link")}
        </Link>
        <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href="/account/privacy">
          {tPrivacy("link")}
        </Link>
      </div>
      <SessionsCard />
    </div>
  );
}

/** In place of "Next payment" while anything is past its due date: red, the amount and how long, and the way to pay. */
function PastDueCard({ title, sentence, hint, pay }: { title: string; sentence: string; hint: string; pay: string }) {
  return (
    <div role="group" aria-labelledby="past-due-title" className="rounded-xl border-2 border-red-600 bg-red-50 p-4 shadow-sm sm:col-span-2">
      <h3 id="past-due-title" className="text-sm font-semibold text-red-800">
        {title}
      </h3>
      <p className="mt-1 text-xl font-semibold text-red-800">{sentence}</p>
      <p className="mt-1 text-xs text-red-900">
        <KeepDates>{hint}</KeepDates>
      </p>
      <Link href="/account/bills" className={buttonClass("danger", "mt-3")}>
        {pay}
      </Link>
    </div>
  );
}
