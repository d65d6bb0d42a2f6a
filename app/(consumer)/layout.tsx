import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { clientText } from "@/lib/i18n/client-text";
import { TextProvider } from "@/lib/i18n/text";

/** Namespaces that consumer client components read with useText (the rest stays on the server). */
const CLIENT_NAMESPACES = [
  "shop",
  "checkout",
  "bills",
  "errors",
  "fieldErrors",
  "states",
  "signUp",
  "cartControls",
  "cancelOrder",
  "markRead",
  "supportForm",
  "autopay",
  "extension",
] as const;

export default async function ConsumerLayout({ children }: { children: ReactNode }) {
  return (
    <TextProvider {...(await clientText(CLIENT_NAMESPACES))}>
      <SiteHeader area="consumer" />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </TextProvider>
  );
}
