import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { requireRole } from "@/server/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole("admin", "/admin");
  return (
    <>
      <SiteHeader area="admin" />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
