import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCReactProvider } from "@/lib/trpc/react";
import { LazyToaster } from "@/components/layout/lazy-toaster";
import { PLATFORM_ZONE_ATTRIBUTE } from "@/lib/format";
import { env } from "@/server/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("defaultTitle"), template: "%s · Houfu" }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await getLocale()} {...{ [PLATFORM_ZONE_ATTRIBUTE]: env.TZ_PLATFORM }}>
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <LazyToaster />
      </body>
    </html>
  );
}
