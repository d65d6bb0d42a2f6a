import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { InfoNotice } from "@/components/ui/notice";
import { clientText } from "@/lib/i18n/client-text";
import { TextProvider } from "@/lib/i18n/text";
import { serverApi } from "@/server/api/server-caller";
import { requireRole } from "@/server/auth/session";

/** Namespaces the merchant area's client components read with useText. */
const CLIENT_NAMESPACES = [
  "staff",
  "errors",
  "merchantLabels",
  "merchantOrderActions",
  "merchantProduct",
  "merchantSettingsForm",
  "merchantTrend",
  "merchantDevelopers",
  "merchantWebhooks",
  "supportForm",
] as const;

export default async function MerchantLayout({ children }: { children: ReactNode }) {
  await requireRole("merchant", "/merchant");
  const [store, t] = await Promise.all([(await serverApi()).merchant.settings(), getTranslations("merchantSettings")]);
  return (
    <TextProvider {...(await clientText(CLIENT_NAMESPACES))}>
      <SiteHeader area="merchant" />
      <main className="mx-auto max-w-6xl px-4 py-8">
        {store.active ? null : (
          <div className="mb-6">
            <InfoNotice>{t("readOnly")}</InfoNotice>
          </div>
        )}
        {children}
      </main>
    </TextProvider>
  );
}
