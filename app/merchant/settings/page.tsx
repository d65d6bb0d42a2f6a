import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { StoreSettingsForm } from "@/components/merchant/store-settings-form";
import { SessionsCard } from "@/components/layout/sessions-card";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantSettings"))("title") };
}

export default async function MerchantSettingsPage() {
  const [api, t] = await Promise.all([serverApi(), getTranslations("merchantSettings")]);
  const [settings, openBills] = await Promise.all([api.merchant.settings(), api.merchant.openPayLaterBills()]);
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("title")} description={t("description")} />
      <StoreSettingsForm settings={settings} openBills={openBills} />
      <SessionsCard />
    </div>
  );
}
