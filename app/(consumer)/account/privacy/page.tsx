import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { InfoNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { signOutClosedAccountAction } from "@/server/auth/sign-out";
import { CloseAccountButton, ExportDataButton } from "./privacy-controls";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("privacyPage"))("title") };
}

export default async function PrivacyPage() {
  const [t, closure] = await Promise.all([getTranslations("privacyPage"), (await serverApi()).privacy.closure()]);
  const blocked = closure.owedFen > 0 ? t("owed", { amount: formatFen(closure.owedFen) }) : closure.authorizedOrders > 0 ? t("authorized") : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("exportTitle")}>
        <p className="mb-4 text-sm text-slate-700">{t("exportBody")}</p>
        <ExportDataButton labels={{ download: t("download"), preparing: t("preparing"), ready: t("ready") }} fileName="houfu-my-data.json" />
      </Card>
      <Card title={t("closeTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("closeBody")}</p>
        <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("keptTitle")}</h3>
        <p className="mb-4 text-sm text-slate-700">{t("kept")}</p>
        {blocked ? (
          <InfoNotice>{blocked}</InfoNotice>
        ) : (
          <CloseAccountButton
            signOut={signOutClosedAccountAction}
            labels={{
              close: t("close"),
              title: t("confirmTitle"),
              body: t("confirmBody"),
              confirmLabel: t("confirmLabel"),
              word: t("confirmWord"),
              confirm: t("confirm"),
              cancel: t("cancel"),
              closing: t("closing"),
            }}
          />
        )}
      </Card>
    </div>
  );
}
