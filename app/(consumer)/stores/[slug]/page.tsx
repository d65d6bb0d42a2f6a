import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/shop/product-card";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function loadStore(slug: string) {
  const api = await serverApi();
  try {
    return await api.catalog.store({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: (await loadStore(slug)).store.name };
}

export default async function StorePage({ params }: Props) {
  const { slug } = await params;
  const [{ store, products }, user, t] = await Promise.all([loadStore(slug), getSessionUser(), getTranslations("store")]);
  const signInHref = user ? null : `/sign-in?callbackUrl=${encodeURIComponent(`/stores/${slug}`)}`;
  const limits = [
    store.payLaterMinFen !== null ? t("from", { amount: formatFen(store.payLaterMinFen) }) : null,
    store.payLaterMaxFen !== null ? t("upTo", { amount: formatFen(store.payLaterMaxFen) }) : null,
  ].filter(Boolean);
  return (
    <div>
      <PageHeader
        title={store.name}
        description={store.description}
        actions={
          store.offersPayLater ? (
            <span className="rounded-full bg-emerald-100 px-3 py-1 text-sm font-medium text-emerald-800">
              {limits.length ? t("payLaterOn", { limits: limits.join(" ") }) : t("payLaterAvailable")}
            </span>
          ) : (
            <span className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-600">{t("payNowOnly")}</span>
          )
        }
      />
      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="sr-only">
          {t("products")}
        </h2>
        {products.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {products.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} signInHref={signInHref} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
