import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
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
] as const;

export default async function ConsumerLayout({ children }: { children: ReactNode }) {
  const [messages, locale] = await Promise.all([getMessages() as Promise<Record<string, Record<string, string>>>, getLocale()]);
  const client = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns] ?? {}]));
  return (
    <TextProvider messages={client} locale={locale}>
      <SiteHeader area="consumer" />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </TextProvider>
  );
}
