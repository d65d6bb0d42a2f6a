import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/format";
import { AddToCartButton } from "./add-to-cart-button";

type ProductSummary = {
  id: number;
  name: string;
  description?: string;
  priceFen: number;
  stock: number;
  payLaterOffer?: { count: number; instalmentFen: number } | null;
};

/** A product with its price and stock, and "Add to cart" while there is stock. */
export async function ProductCard({
  product,
  store,
  signInHref,
}: {
  product: ProductSummary;
  store?: { slug: string; name: string };
  signInHref: string | null;
}) {
  const t = await getTranslations("product");
  const inStock = product.stock > 0;
  return (
    <article aria-labelledby={`product-${product.id}`} className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`product-${product.id}`} className="font-semibold text-slate-900">
        {product.name}
      </h3>
      {store ? (
        <Link href={`/stores/${store.slug}`} className="mt-1 text-sm text-brand-700 underline">
          {store.name}
        </Link>
      ) : null}
      {product.description ? <p className="mt-1 text-sm text-slate-600">{product.description}</p> : null}
      <div className="mt-auto pt-4">
        <div className="mb-3 flex items-baseline justify-between gap-2">
          <p className="text-lg font-semibold tabular-nums">{formatFen(product.priceFen)}</p>
          <p className={`text-sm ${inStock ? "text-slate-500" : "font-medium text-red-700"}`}>
            {inStock ? t("inStock", { count: product.stock }) : t("outOfStock")}
          </p>
        </div>
        {product.payLaterOffer ? (
          <p className="-mt-2 mb-3 text-sm text-emerald-800">
            {t("orPayLater", { count: product.payLaterOffer.count, amount: formatFen(product.payLaterOffer.instalmentFen) })}
          </p>
        ) : null}
        {inStock ? (
          <AddToCartButton productId={product.id} productName={product.name} signInHref={signInHref} />
        ) : (
          <p className="flex min-h-11 items-center justify-center rounded-lg bg-slate-100 px-4 text-sm text-slate-700">{t("unavailable")}</p>
        )}
      </div>
    </article>
  );
}
