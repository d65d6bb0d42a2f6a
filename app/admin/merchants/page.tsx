import type { Metadata } from "next";
import { StoreReceivablesTable } from "@/components/admin/store-receivables-table";
import { PageHeader } from "@/components/ui/card";
import { serverApi } from "@/server/api/server-caller";
import { StoreActions } from "./store-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merchants" };

export default async function MerchantsPage() {
  const api = await serverApi();
  const stores = await api.admin.merchants();
  return (
    <div className="space-y-6">
      <PageHeader title="Merchants" description="Every store with its pay-later receivables. Deactivate a store or force pay later off; each change is audited." />
      <StoreReceivablesTable
        stores={stores}
        caption="Merchants and their receivables"
        actions={(s) => <StoreActions store={{ storeId: s.storeId, name: s.name, active: s.active, payLaterForcedOff: s.payLaterForcedOff }} />}
      />
    </div>
  );
}
