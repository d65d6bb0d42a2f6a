"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { ProductForm } from "./product-form";
import { useShowFailure } from "@/lib/use-show-failure";

type Product = { id: number; name: string; description: string; priceFen: number; stock: number; active: boolean };

export function ProductRow({ product }: { product: Product }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setActive = useMutation(trpc.merchant.products.setActive.mutationOptions());
  const [editing, setEditing] = useState(false);
  const t = useText("merchantProduct");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function toggle() {
    setError(null);
    setDone(null);
    try {
      await setActive.mutateAsync({ productId: product.id, active: !product.active });
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    const message = t(product.active ? "deactivated" : "reactivated", { name: product.name });
    setDone(message);
    router.refresh();
  }

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start gap-4">
        <div aria-hidden className="flex h-16 w-16 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-xl font-semibold text-slate-400">
          {product.name.slice(0, 1)}
        </div>
        <div className="min-w-[12rem] flex-1">
          <h3 className="font-semibold text-slate-900">
            {product.name}{" "}
            {product.active ? null : (
              <span className="ml-1 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t("inactive")}</span>
            )}
          </h3>
          <p className="text-sm text-slate-600">{product.description}</p>
          <p className="mt-1 text-sm tabular-nums">
            {formatFen(product.priceFen)} ·{" "}
            {product.stock === 0 ? <span className="text-red-700">{t("outOfStock")}</span> : t("inStock", { count: product.stock })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            {editing ? t("close") : t("edit")}
            <span className="sr-only"> {product.name}</span>
          </Button>
          {product.active ? (
            <ConfirmDialog
              trigger={t("deactivate")}
              title={t("deactivateTitle", { name: product.name })}
              description={t("deactivateBody")}
              confirmLabel={t("deactivate")}
              cancelLabel={tc("goBack")}
              variant="danger"
              pending={setActive.isPending}
              onConfirm={toggle}
            />
          ) : (
            <Button variant="secondary" onClick={toggle} disabled={setActive.isPending}>
              {t("reactivate")}
            </Button>
          )}
        </div>
      </div>
      {error ? (
        <div className="mt-3">
          <ErrorNotice>{error}</ErrorNotice>
        </div>
      ) : null}
      {done ? (
        <div className="mt-3">
          <StatusNotice>{done}</StatusNotice>
        </div>
      ) : null}
      {editing ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <ProductForm product={product} onDone={() => setEditing(false)} />
        </div>
      ) : null}
    </li>
  );
}
