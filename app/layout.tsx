import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { TRPCReactProvider } from "@/lib/trpc/react";
import { LazyToaster } from "@/components/layout/lazy-toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Houfu 后付 — shop now, pay later", template: "%s · Houfu" },
  description: "Receive first, pay later at the stores you love.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <LazyToaster />
      </body>
    </html>
  );
}
