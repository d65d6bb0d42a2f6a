import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

export default function ConsumerLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader area="consumer" />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
