import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader, Section } from "@/components/ui/card";
import { ProductForm } from "@/components/merchant/product-form";
import { ProductRow } from "@/components/merchant/product-row";
import { serverApi } from "@/server/api/server-caller";
import { decodeIdCursor, pageCursor } from "@/server/domain/cursor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantProducts"))("title") };
}

export default async function MerchantProductsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const cursor = pageCursor(after, decodeIdCursor);
  const [api, t, tc] = await Promise.all([serverApi(), getTranslations("merchantProducts"), getTranslations("staff")]);
  const page = await api.merchant.products.list({ cursor, limit: 20 });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <details className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <summary className="cursor-pointer font-semibold text-brand-700">{t("addProduct")}</summary>
        <div className="mt-4">
          <ProductForm />
        </div>
      </details>
      <Section id="catalogue" title={t("catalogue")}>
        {page.items.length === 0 ? (
          <EmptyState title={cursor ? t("emptyMore") : t("empty")}>{t("emptyBody")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {page.items.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
          </ul>
        )}
        <nav aria-label={tc("pages")} className="mt-4 flex gap-4 text-sm">
          {cursor ? (
            <Link href="/merchant/products" className="text-brand-700 underline">
              {tc("firstPage")}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={`/merchant/products?after=${page.nextCursor}`} className="text-brand-700 underline">
              {tc("nextPage")}
            </Link>
          ) : null}
        </nav>
      </Section>
    </div>
  );
}
