import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { InfoNotice } from "@/components/ui/notice";
import { formatDate, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { AUTOPAY_MAX_ATTEMPTS } from "@/server/domain/autopay";
import { TEST_CARDS } from "@/server/services/payments/provider";
import { AutopayControls } from "./autopay-controls";
import { AutopaySummary } from "./autopay-summary";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("autopayPage"))("title") };
}

export default async function AutopayPage() {
  const api = await serverApi();
  const [status, t, locale] = await Promise.all([api.autopay.status(), getTranslations("autopayPage"), getLocale()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description", { attempts: AUTOPAY_MAX_ATTEMPTS })} />
      <AutopaySummary status={status} />
      {status.stopped.map((s) => (
        <InfoNotice key={s.dueDate}>
          {t("stopped", { amount: formatFen(s.amountFen), date: formatDate(s.dueDate, locale) })}{" "}
          <Link className="text-brand-700 underline" href="/account/bills">
            {t("repayNow")}
          </Link>
        </InfoNotice>
      ))}
      <AutopayControls cardLast4={status.cardLast4} enabled={status.enabled} testCards={TEST_CARDS} />
      <p className="text-sm text-slate-600">{t("howItWorks", { attempts: AUTOPAY_MAX_ATTEMPTS })}</p>
      <Link className="inline-flex min-h-11 items-center text-sm text-brand-700 underline" href="/account/bills">
        {t("backToBills")}
      </Link>
    </div>
  );
}
