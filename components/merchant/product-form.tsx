"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import type { FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { fenToDecimal, parseYuanToFen } from "@/server/domain/money";
import { productSchema } from "@/server/domain/product";
import { useShowFailure } from "@/lib/use-show-failure";

type Product = { id: number; name: string; description: string; priceFen: number; stock: number };

/** The message key for a product field's validation issue (the schema's own sentences are English). */
function issueKey(field: string, code: string): string | null {
  const tooSmall = code === "too_small";
  if (field === "name") return tooSmall ? "nameShort" : "nameLong";
  if (field === "description") return "descriptionLong";
  if (field === "priceFen") return tooSmall ? "priceMin" : "priceMax";
  if (field === "stock") return tooSmall ? "stockNegative" : code === "too_big" ? "stockMax" : "stockWhole";
  return null;
}

/** Creates a product, or edits `product` when given. Price is typed in yuan and sent in fen. */
export function ProductForm({ product, onDone }: { product?: Product; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantProduct");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const create = useMutation(trpc.merchant.products.create.mutationOptions());
  const update = useMutation(trpc.merchant.products.update.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const prefix = product ? `product-${product.id}` : "new-product";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setDone(null);
    const priceText = String(form.get("price") ?? "");
    const stockText = String(form.get("stock") ?? "").trim();
    const candidate = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      priceFen: parseYuanToFen(priceText) ?? Number.NaN,
      stock: /^\d+$/.test(stockText) ? Number(stockText) : Number.NaN,
    };
    const parsed = productSchema.safeParse(candidate);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issueKey(String(issue.path[0]), issue.code);
        errors[String(issue.path[0])] ??= [key ? t(key) : issue.message];
      }
      if (Number.isNaN(candidate.priceFen)) errors.priceFen = [t("priceInvalid")];
      if (Number.isNaN(candidate.stock)) errors.stock = [t("stockInvalid")];
      setFieldErrors(errors);
      setError(tc("fixFields"));
      return;
    }
    setFieldErrors({});
    try {
      if (product) await update.mutateAsync({ ...parsed.data, productId: product.id });
      else await create.mutateAsync(parsed.data);
    } catch (err) {
      const described = showFailure(err);
      setError(described.message);
      setFieldErrors(described.fieldErrors);
      return;
    }
    const message = t(product ? "saved" : "added", { name: parsed.data.name });
    setDone(message);
    if (!product) formElement.reset();
    router.refresh();
    onDone?.();
  }

  const pending = create.isPending || update.isPending;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={product ? t("editLabel", { name: product.name }) : t("newLabel")}>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      <Field
        id={`${prefix}-name`}
        name="name"
        label={t("name")}
        defaultValue={product?.name}
        maxLength={120}
        required
        error={fieldErrors.name?.[0]}
      />
      <Field
        id={`${prefix}-description`}
        name="description"
        label={t("description")}
        defaultValue={product?.description}
        maxLength={1000}
        error={fieldErrors.description?.[0]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${prefix}-price`}
          name="price"
          label={t("price")}
          inputMode="decimal"
          defaultValue={product ? fenToDecimal(product.priceFen) : ""}
          required
          error={fieldErrors.priceFen?.[0]}
        />
        <Field
          id={`${prefix}-stock`}
          name="stock"
          label={t("stock")}
          inputMode="numeric"
          defaultValue={product ? String(product.stock) : ""}
          required
          error={fieldErrors.stock?.[0]}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {product ? t("save") : t("add")}
      </Button>
    </form>
  );
}
