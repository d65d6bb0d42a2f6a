import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { serverApi } from "@/server/api/server-caller";
import { requireRole } from "@/server/auth/session";
import { CheckoutForm } from "./checkout-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const user = await requireRole("consumer", "/checkout");
  const api = await serverApi();
  const preview = await api.shop.checkout();
  return (
    <div>
      <PageHeader title="Checkout" description={preview.cart.store ? `Your order from ${preview.cart.store.name}.` : undefined} />
      {preview.cart.store ? (
        <CheckoutForm preview={preview} defaultName={user.name ?? ""} />
      ) : (
        <EmptyState title="Your cart is empty, so there is nothing to check out.">
          <Link href="/" className="text-brand-700 underline">Browse the stores</Link>
        </EmptyState>
      )}
    </div>
  );
}
