import { getTranslations } from "next-intl/server";

/** What a route segment shows while its server component loads: a labelled busy region and grey placeholders. */
export async function PageLoading() {
  const t = await getTranslations("states");
  return (
    <div aria-busy="true" className="space-y-4">
      <p className="sr-only">{t("loading")}</p>
      <div aria-hidden="true" className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => <div key={i} className="h-24 animate-pulse rounded-xl bg-slate-100" />)}
      </div>
      <div aria-hidden="true" className="h-48 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
