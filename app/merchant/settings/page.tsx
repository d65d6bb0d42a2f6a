import { PageHeader } from "@/components/ui/card";
import { StoreSettingsForm } from "@/components/merchant/store-settings-form";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";
export const metadata = { title: "Store settings" };

export default async function MerchantSettingsPage() {
  const api = await serverApi();
  const settings = await api.merchant.settings();
  return (
    <div className="max-w-2xl">
      <PageHeader title="Store settings" description="Your store's profile and whether customers can pay later." />
      <StoreSettingsForm settings={settings} />
    </div>
  );
}
