import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { WebhookDeliveryLog } from "@/components/merchant/webhook-delivery-log";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantWebhooks"))("logTitle") };
}

export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const endpointId = Number(id);
  const [api, t, locale] = await Promise.all([serverApi(), getTranslations("merchantWebhooks"), getLocale()]);
  const endpoint = Number.isSafeInteger(endpointId)
    ? (await api.merchant.developers.webhooks.endpoints()).find((e) => e.id === endpointId)
    : undefined;
  if (!endpoint) notFound();
  return (
    <div className="space-y-6">
      <p>
        <a href="/merchant/developers" className="text-sm text-brand-700 underline">
          {t("back")}
        </a>
      </p>
      <PageHeader title={t("logTitle")} description={<span className="break-all">{t("logFor", { url: endpoint.url })}</span>} />
      <WebhookDeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} locale={locale} />
    </div>
  );
}
