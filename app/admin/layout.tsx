import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { clientText } from "@/lib/i18n/client-text";
import { TextProvider } from "@/lib/i18n/text";
import { requireRole } from "@/server/auth/session";

/** Namespaces the admin area's client components read with useText. */
const CLIENT_NAMESPACES = [
  "staff",
  "errors",
  "adminStoreActions",
  "adminConsumerActions",
  "adminPolicyEditor",
  "adminWhatIf",
  "adminPolicyWords",
  "adminSupport",
] as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole("admin", "/admin");
  return (
    <TextProvider {...(await clientText(CLIENT_NAMESPACES))}>
      <SiteHeader area="admin" />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </TextProvider>
  );
}
