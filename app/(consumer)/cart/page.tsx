import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { InfoNotice, StatusNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { cartProblemText } from "@/lib/i18n/localise";
import { serverApi } from "@/server/api/server-caller";
import { requireRole } from "@/server/auth/session";
import { CartLineControls, ClearCartButton } from "./cart-controls";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("cart") };
}

export default async function CartPage({ searchParams }: { searchParams: Promise<{ removed?: string; cleared?: string }> }) {
  await requireRole("consumer", "/cart");
  const [t, tPage, tProblem, { removed, cleared }] = await Promise.all([
    getTranslations("cart"),
    getTranslations("cartPage"),
    getTranslations("cartProblem"),
    searchParams,
  ]);
  const api = await serverApi();
  const cart = await api.shop.cart();
  // A removal or clearing that empties the cart unmounts its control, so the page itself confirms it.
  const confirmation = cleared ? tPage("cleared") : removed ? tPage("removed") : null;
  const notice = confirmation ? (
    <div className="mb-4">
      <StatusNotice>{confirmation}</StatusNotice>
    </div>
  ) : null;
  if (!cart.store)
    return (
      <div>
        {notice}
        <PageHeader title={t("title")} />
        <EmptyState title={tPage("empty")}>
          <Link href="/" className="text-brand-700 underline">
            {tPage("browse")}
          </Link>
        </EmptyState>
      </div>
    );
  const store = cart.store;
  const blocked = cart.lines.some((line) => line.problem);
  return (
    <div className="space-y-6">
      {notice}
      <PageHeader
        title={t("title")}
        description={tPage.rich("from", {
          name: store.name,
          store: (chunks) => (
            <Link href={`/stores/${store.slug}`} className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
        actions={<ClearCartButton />}
      />
      <section aria-labelledby="cart-lines-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <h2 id="cart-lines-heading" className="sr-only">
          {tPage("items")}
        </h2>
        <ul className="divide-y divide-slate-200">
          {cart.lines.map((line) => (
            <li key={line.productId} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{line.name}</p>
                <p className="text-sm text-slate-500">{tPage("each", { price: formatFen(line.unitPriceFen) })}</p>
                {line.problem ? <p className="text-sm font-medium text-red-700">{cartProblemText(tProblem, line.problem)}</p> : null}
              </div>
              <div className="flex items-center justify-between gap-4">
                <CartLineControls productId={line.productId} name={line.name} quantity={line.quantity} stock={line.stock} />
                <p className="w-28 text-right font-semibold tabular-nums">{formatFen(line.lineTotalFen)}</p>
              </div>
            </li>
          ))}
        </ul>
        <div className="flex items-center justify-between border-t border-slate-200 p-4">
          <p className="text-sm text-slate-600">{tPage("itemCount", { count: cart.itemCount })}</p>
          <div className="text-right">
            <p className="text-lg font-semibold">
              {t("total")}{" "}
              <span role="group" className="tabular-nums" aria-label={t("totalLabel")}>
                {formatFen(cart.totalFen)}
              </span>
            </p>
            {cart.payLaterOffer ? (
              <p className="text-sm text-emerald-800">
                {tPage("orPayLater", { count: cart.payLaterOffer.count, amount: formatFen(cart.payLaterOffer.instalmentFen) })}
              </p>
            ) : null}
          </div>
        </div>
      </section>
      {blocked ? <InfoNotice>{tPage("blocked")}</InfoNotice> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <Link href={`/stores/${store.slug}`} className={buttonClass("secondary")}>
          {tPage("keepShopping")}
        </Link>
        {blocked ? null : (
          <Link href="/checkout" className={buttonClass("primary")}>
            {t("checkout")}
          </Link>
        )}
      </div>
    </div>
  );
}
