import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { policyDiffWords } from "@/components/admin/policy-words";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { LoadingBlock } from "@/components/ui/loading-block";
import { DisabledUntilHydrated } from "@/components/ui/until-hydrated";
import { formatDateTime } from "@/lib/format";
import { diffPolicies } from "@/server/domain/policy-diff";
import { serverApi } from "@/server/api/server-caller";
import { PolicyEditor } from "./policy-editor";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPolicy"))("title") };
}

export default async function PolicyPage() {
  const [api, t, tc] = await Promise.all([serverApi(), getTranslations("adminPolicy"), getTranslations("staff")]);
  const current = await api.admin.policy();
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description", { version: current.version })} />
      <DisabledUntilHydrated>
        <PolicyEditor current={current} />
      </DisabledUntilHydrated>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <Suspense fallback={<LoadingBlock label={tc("loading")} />}>
          <History currentVersion={current.version} />
        </Suspense>
      </section>
    </div>
  );
}

/** Every version with what it changed, described in the reader's language; streams in below the editor. */
async function History({ currentVersion }: { currentVersion: number }) {
  const [api, t, tw, locale] = await Promise.all([serverApi(), getTranslations("adminPolicy"), getTranslations("adminPolicyWords"), getLocale()]);
  const history = await api.admin.policyHistory();
  const words = policyDiffWords((key, values) => tw(key, values), locale);
  if (history.length === 0) return <p className="text-sm text-slate-600">{t("noHistory")}</p>;
  return (
    <ol className="space-y-2">
      {history.map((v) => {
        const changes = v.previousParams ? diffPolicies(v.previousParams, v.params, words) : [];
        return (
          <li key={v.version}>
            <details className="group rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open={v.version === currentVersion}>
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-semibold">{t("version", { version: v.version })}</span>
                <span className="text-sm text-slate-600">
                  <KeepDates>{t("byAt", { author: v.author, at: formatDateTime(v.createdAt, locale) })}</KeepDates>
                </span>
                <span className="w-full text-sm text-slate-800 sm:w-auto">“{v.note}”</span>
              </summary>
              <div className="mt-3 text-sm">
                {v.previousVersion === null ? (
                  <p className="text-slate-600">{t("first")}</p>
                ) : changes.length === 0 ? (
                  <p className="text-slate-600">{t("same", { version: v.previousVersion })}</p>
                ) : (
                  <DataTable
                    caption={t("changesFrom", { version: v.previousVersion })}
                    showCaption
                    framed={false}
                    minWidth="28rem"
                    rows={changes}
                    rowKey={(c) => c.key}
                    columns={[
                      { key: "setting", header: t("setting"), rowHeader: true, cell: (c) => c.label },
                      { key: "before", header: t("before"), className: "text-slate-600", cell: (c) => c.before ?? "—" },
                      { key: "after", header: t("after"), cell: (c) => c.after ?? tw("removed") },
                    ]}
                  />
                )}
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
