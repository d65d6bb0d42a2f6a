import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { StatusNotice } from "@/components/ui/notice";

export async function generateMetadata() {
  return { title: (await getTranslations("privacyPage"))("closed") };
}

/** Where a consumer lands after closing their account: signed out, told what was erased and what was kept. */
export default async function AccountClosedPage() {
  const t = await getTranslations("privacyPage");
  return (
    <div className="space-y-4">
      <PageHeader title={t("closed")} />
      <StatusNotice>{t("closedBody")}</StatusNotice>
      <p className="text-sm text-slate-700">{t("kept")}</p>
      <Link href="/" className="inline-flex min-h-11 items-center text-brand-700 underline">
        {t("home")}
      </Link>
    </div>
  );
}
