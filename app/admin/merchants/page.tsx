import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StoreReceivablesTable } from "@/components/admin/store-receivables-table";
import { PageHeader } from "@/components/ui/card";
import { serverApi } from "@/server/api/server-caller";
import { StoreActions } from "./store-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMerchants"))("title") };
}

export default async function MerchantsPage() {
  const [api, t] = await Promise.all([serverApi(), getTranslations("adminMerchants")]);
  const stores = await api.admin.merchants();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <StoreReceivablesTable
        stores={stores}
        caption={t("caption")}
        actions={(s) => <StoreActions store={{ storeId: s.storeId, name: s.name, active: s.active, payLaterForcedOff: s.payLaterForcedOff }} />}
      />
    </div>
  );
}
