import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { CreateApiKeyForm } from "@/components/merchant/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/merchant/revoke-api-key-button";
import { AddWebhookEndpointForm } from "@/components/merchant/add-webhook-endpoint-form";
import { CreatePublishableKeyButton } from "@/components/merchant/create-publishable-key-button";
import { WebhookEndpointActions } from "@/components/merchant/webhook-endpoint-actions";
import { MAX_WEBHOOK_ENDPOINTS } from "@/server/domain/webhooks";
import { formatDateTime } from "@/lib/format";
import { MAX_ACTIVE_API_KEYS } from "@/server/domain/api-keys";
import { serverApi } from "@/server/api/server-caller";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantDevelopers"))("title") };
}

export default async function MerchantDevelopersPage() {
  const [api, t, tw, locale] = await Promise.all([
    serverApi(),
    getTranslations("merchantDevelopers"),
    getTranslations("merchantWebhooks"),
    getLocale(),
  ]);
  const host = (await headers()).get("host") ?? "localhost:3000";
  const origin = `${/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https"}://${host}`;
  const [keys, endpoints, publishableKey] = await Promise.all([
    api.merchant.developers.apiKeys(),
    api.merchant.developers.webhooks.endpoints(),
    api.merchant.developers.webhooks.publishableKey(),
  ]);
  const activeCount = keys.filter((k) => !k.revokedAt).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("description")}{" "}
            <a href="/api/v1/reference" className="text-brand-700 underline">
              {t("reference")}
            </a>
          </>
        }
      />
      <section aria-labelledby="new-key-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-key-heading" className="mb-1 text-lg font-semibold">
          {t("newKey")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("newKeyBody", { max: MAX_ACTIVE_API_KEYS, active: activeCount })}</p>
        <CreateApiKeyForm atLimit={activeCount >= MAX_ACTIVE_API_KEYS} />
      </section>
      <Section id="keys" title={t("keys")}>
        <DataTable
          caption={t("keys")}
          rows={keys}
          rowKey={(k) => k.id}
          minWidth="36rem"
          empty={{ title: t("empty"), body: t("emptyBody") }}
          columns={[
            { key: "name", header: t("name"), rowHeader: true, cell: (k) => k.name },
            { key: "prefix", header: t("key"), cell: (k) => <code className="text-sm">{k.prefix}</code> },
            { key: "created", header: t("created_at"), className: "whitespace-nowrap", cell: (k) => formatDateTime(k.createdAt, locale) },
            {
              key: "lastUsed",
              header: t("lastUsed"),
              className: "whitespace-nowrap",
              cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("never")),
            },
            {
              key: "status",
              header: t("status"),
              cell: (k) =>
                k.revokedAt ? (
                  <span className="text-slate-600">
                    <KeepDates>{t("revokedOn", { date: formatDateTime(k.revokedAt, locale) })}</KeepDates>
                  </span>
                ) : (
                  <RevokeApiKeyButton keyId={k.id} name={k.name} />
                ),
            },
          ]}
        />
      </Section>
      <section aria-labelledby="webhooks-heading" className="space-y-4">
        <div>
          <h2 id="webhooks-heading" className="text-lg font-semibold">
            {tw("heading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{tw("intro")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h3 className="mb-1 font-semibold">{tw("newEndpoint")}</h3>
          <p className="mb-4 text-sm text-slate-600">{tw("newEndpointBody", { max: MAX_WEBHOOK_ENDPOINTS, count: endpoints.length })}</p>
          <AddWebhookEndpointForm atLimit={endpoints.length >= MAX_WEBHOOK_ENDPOINTS} />
        </div>
        <DataTable
          caption={tw("endpoints")}
          rows={endpoints}
          rowKey={(e) => e.id}
          minWidth="44rem"
          empty={{ title: tw("empty"), body: tw("emptyBody") }}
          columns={[
            { key: "url", header: tw("endpoint"), rowHeader: true, cell: (e) => <span className="break-all">{e.url}</span> },
            {
              key: "events",
              header: tw("subscribed"),
              cell: (e) => (
                <ul className="text-xs">
                  {e.events.map((type) => (
                    <li key={type}>
                      <code>{type}</code>
                    </li>
                  ))}
                </ul>
              ),
            },
            { key: "secret", header: tw("secretColumn"), cell: (e) => <code className="text-sm">{e.secretPrefix}</code> },
            { key: "status", header: tw("status"), cell: (e) => (e.enabled ? tw("enabled") : tw("disabled")) },
            { key: "actions", header: tw("actions"), cell: (e) => <WebhookEndpointActions endpointId={e.id} url={e.url} enabled={e.enabled} /> },
          ]}
        />
      </section>
      <section aria-labelledby="publishable-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="publishable-heading" className="mb-1 text-lg font-semibold">
          {tw("publishableHeading")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{tw("publishableBody")}</p>
        {publishableKey ? (
          <div className="space-y-3">
            <p className="text-sm">
              {tw("publishableKey")}: <code className="break-all">{publishableKey}</code>
            </p>
            <p className="text-sm text-slate-600">{tw("embed")}</p>
            {/* A scrolling region of code must be reachable by keyboard. */}
            <pre role="region" aria-label={tw("embedLabel")} tabIndex={0} className="overflow-x-auto rounded-lg bg-slate-100 p-3 text-xs">
              {`<script src="${origin}/api/v1/messaging.js" data-key="${publishableKey}" async></script>\n<p data-houfu-messaging data-amount-fen="129900"></p>`}
            </pre>
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-sm">{tw("publishableNone")}</p>
            <CreatePublishableKeyButton />
          </div>
        )}
      </section>
    </div>
  );
}
