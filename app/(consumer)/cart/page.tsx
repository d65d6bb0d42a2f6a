import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { InfoNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { requireRole } from "@/server/auth/session";
import { CartLineControls, ClearCartButton } from "./cart-controls";

export const dynamic = "force-dynamic";
export const metadata = { title: "Cart" };

export default async function CartPage() {
  const t = await getTranslations("cart");
  await requireRole("consumer", "/cart");
  const api = await serverApi();
  const cart = await api.shop.cart();
  if (!cart.store)
    return (
      <div>
        <PageHeader title={t("title")} />
        <EmptyState title="Your cart is empty.">
          <Link href="/" className="text-brand-700 underline">Browse the stores</Link>
        </EmptyState>
      </div>
    );
  const blocked = cart.lines.some((line) => line.problem);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={
          <>
            From <Link href={`/stores/${cart.store.slug}`} className="text-brand-700 underline">{cart.store.name}</Link>. A cart holds one store at a time.
          </>
        }
        actions={<ClearCartButton />}
      />
      <section aria-labelledby="cart-lines-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <h2 id="cart-lines-heading" className="sr-only">Items</h2>
        <ul className="divide-y divide-slate-200">
          {cart.lines.map((line) => (
            <li key={line.productId} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{line.name}</p>
                <p className="text-sm text-slate-500">{formatFen(line.unitPriceFen)} each</p>
                {line.problem ? <p className="text-sm font-medium text-red-700">{line.problem}</p> : null}
              </div>
              <div className="flex items-center justify-between gap-4">
                <CartLineControls productId={line.productId} name={line.name} quantity={line.quantity} stock={line.stock} />
                <p className="w-28 text-right font-semibold tabular-nums">{formatFen(line.lineTotalFen)}</p>
              </div>
            </li>
          ))}
        </ul>
        <div className="flex items-center justify-between border-t border-slate-200 p-4">
          <p className="text-sm text-slate-600">{cart.itemCount} {cart.itemCount === 1 ? "item" : "items"}</p>
          <p className="text-lg font-semibold">
            {t("total")} <span className="tabular-nums" aria-label={t("totalLabel")}>{formatFen(cart.totalFen)}</span>
          </p>
        </div>
      </section>
      {blocked ? <InfoNotice>Change or remove the items marked above before checking out.</InfoNotice> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <Link href={`/stores/${cart.store.slug}`} className={buttonClass("secondary")}>Keep shopping</Link>
        {blocked ? null : <Link href="/checkout" className={buttonClass("primary")}>{t("checkout")}</Link>}
      </div>
    </div>
  );
}
