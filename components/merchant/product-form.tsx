"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { describeError, type FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { fenToDecimal, parseYuanToFen } from "@/server/domain/money";
import { productSchema } from "@/server/domain/product";

type Product = { id: number; name: string; description: string; priceFen: number; stock: number };

/** Creates a product, or edits `product` when given. Price is typed in yuan and sent in fen. */
export function ProductForm({ product, onDone }: { product?: Product; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
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
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= [issue.message];
      if (Number.isNaN(candidate.priceFen)) errors.priceFen = ["Enter a price in yuan, like 129 or 129.90."];
      if (Number.isNaN(candidate.stock)) errors.stock = ["Enter stock as a whole number, 0 or more."];
      setFieldErrors(errors);
      setError("Please correct the highlighted fields.");
      return;
    }
    setFieldErrors({});
    try {
      if (product) await update.mutateAsync({ ...parsed.data, productId: product.id });
      else await create.mutateAsync(parsed.data);
    } catch (err) {
      const described = describeError(err);
      setError(described.message);
      setFieldErrors(described.fieldErrors);
      return;
    }
    const message = product ? `Saved ${parsed.data.name}.` : `Added ${parsed.data.name}.`;
    toast.success(message);
    setDone(message);
    if (!product) formElement.reset();
    router.refresh();
    onDone?.();
  }

  const pending = create.isPending || update.isPending;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={product ? `Edit ${product.name}` : "New product"}>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      <Field id={`${prefix}-name`} name="name" label="Name" defaultValue={product?.name} maxLength={120} required error={fieldErrors.name?.[0]} />
      <Field id={`${prefix}-description`} name="description" label="Description" defaultValue={product?.description} maxLength={1000} error={fieldErrors.description?.[0]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-price`} name="price" label="Price (¥)" inputMode="decimal" defaultValue={product ? fenToDecimal(product.priceFen) : ""} required error={fieldErrors.priceFen?.[0]} />
        <Field id={`${prefix}-stock`} name="stock" label="Stock" inputMode="numeric" defaultValue={product ? String(product.stock) : ""} required error={fieldErrors.stock?.[0]} />
      </div>
      <Button type="submit" disabled={pending}>{product ? "Save product" : "Add product"}</Button>
    </form>
  );
}
