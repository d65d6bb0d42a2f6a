import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/shop/product-card";
import { EmptyState } from "@/components/ui/card";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const api = await serverApi();
  const [stores, featured, user, t] = await Promise.all([api.catalog.stores(), api.catalog.featured(), getSessionUser(), getTranslations("home")]);
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white">
        <h1 className="text-3xl font-bold tracking-tight">{t("heroTitle")}</h1>
        <p className="mt-2 max-w-xl text-brand-100">{t("heroBody")}</p>
      </section>

      <section aria-labelledby="stores-heading">
        <h2 id="stores-heading" className="mb-4 text-xl font-semibold">
          {t("stores")}
        </h2>
        {stores.length === 0 ? (
          <EmptyState title={t("noStores")} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {stores.map((store) => (
              <li key={store.id}>
                <Link
                  href={`/stores/${store.slug}`}
                  className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-600"
                >
                  <div className="flex items-start justify-between gap-2">
                    <h3 className="font-semibold text-slate-900">{store.name}</h3>
                    {store.offersPayLater ? (
                      <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">{t("payLaterAvailable")}</span>
                    ) : null}
                  </div>
                  <p className="mt-1 text-xs uppercase tracking-wide text-slate-500">{store.category}</p>
                  <p className="mt-2 text-sm text-slate-600">{store.description}</p>
                  <p className="mt-3 text-xs text-slate-500">{t("productCount", { count: store.productCount })}</p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {featured.length > 0 ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="mb-4 text-xl font-semibold">
            {t("featured")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {featured.map((product) => (
              <li key={product.id}>
                <ProductCard
                  product={product}
                  store={{ slug: product.storeSlug, name: product.storeName }}
                  signInHref={user ? null : "/sign-in?callbackUrl=%2F"}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
