import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { CreateApiKeyForm } from "@/components/merchant/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/merchant/revoke-api-key-button";
import { formatDateTime } from "@/lib/format";
import { MAX_ACTIVE_API_KEYS } from "@/server/domain/api-keys";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantDevelopers"))("title") };
}

export default async function MerchantDevelopersPage() {
  const [api, t, locale] = await Promise.all([serverApi(), getTranslations("merchantDevelopers"), getLocale()]);
  const keys = await api.merchant.developers.apiKeys();
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
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="mb-3 text-lg font-semibold">
          {t("keys")}
        </h2>
        <DataTable
          caption={t("keys")}
          rows={keys}
          rowKey={(k) => k.id}
          minWidth="36rem"
          empty={{ title: t("empty"), body: t("emptyBody") }}
          columns={[
            { key: "name", header: t("name"), rowHeader: true, cell: (k) => k.name },
            { key: "prefix", header: t("key"), cell: (k) => <code className="text-sm">{k.prefix}</code> },
            { key: "created", header: t("created_at"), cell: (k) => formatDateTime(k.createdAt, locale) },
            { key: "lastUsed", header: t("lastUsed"), cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("never")) },
            {
              key: "status",
              header: t("status"),
              cell: (k) =>
                k.revokedAt ? (
                  <span className="text-slate-600">{t("revokedOn", { date: formatDateTime(k.revokedAt, locale) })}</span>
                ) : (
                  <RevokeApiKeyButton keyId={k.id} name={k.name} />
                ),
            },
          ]}
        />
      </section>
    </div>
  );
}
