import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { requireRole } from "@/server/auth/session";

export default async function MerchantLayout({ children }: { children: ReactNode }) {
  await requireRole("merchant", "/merchant");
  return (
    <>
      <SiteHeader area="merchant" />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
