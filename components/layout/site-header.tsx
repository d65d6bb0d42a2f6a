import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Role } from "@/db/schema";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { serverApi } from "@/server/api/server-caller";
import { formatFen } from "@/lib/format";
import { SignOutButton } from "./sign-out-button";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";

const NAV: Record<"consumer" | "merchant" | "admin", { href: string; label: NavKey }[]> = {
  consumer: [
    { href: "/", label: "shop" },
    { href: "/cart", label: "cart" },
    { href: "/account", label: "account" },
    { href: "/account/credit", label: "credit" },
    { href: "/account/bills", label: "bills" },
    { href: "/account/orders", label: "orders" },
    { href: "/support", label: "help" },
  ],
  merchant: [
    { href: "/merchant", label: "overview" },
    { href: "/merchant/orders", label: "orders" },
    { href: "/merchant/receivables", label: "receivables" },
    { href: "/merchant/collections", label: "collections" },
    { href: "/merchant/products", label: "products" },
    { href: "/merchant/settings", label: "settings" },
    { href: "/merchant/developers", label: "developers" },
    { href: "/merchant/support", label: "help" },
  ],
  admin: [
    { href: "/admin", label: "overview" },
    { href: "/admin/policy", label: "policy" },
    { href: "/admin/consumers", label: "consumers" },
    { href: "/admin/merchants", label: "merchants" },
    { href: "/admin/audit", label: "audit" },
    { href: "/admin/support", label: "support" },
  ],
};

type NavKey =
  | "shop"
  | "cart"
  | "account"
  | "credit"
  | "bills"
  | "orders"
  | "overview"
  | "receivables"
  | "products"
  | "settings"
  | "developers"
  | "policy"
  | "consumers"
  | "merchants"
  | "audit"
  | "help"
  | "collections"
  | "support";

const AREA_TITLE = { consumer: null, merchant: "merchantArea", admin: "adminArea" } as const;

export async function SiteHeader({ area }: { area: "consumer" | "merchant" | "admin" }) {
  const [user, t] = await Promise.all([getSessionUser(), getTranslations("nav")]);
  // Outside their own area, staff and visitors see the shop and help only.
  const links = area === "consumer" && user?.role !== "consumer" ? NAV.consumer.filter((l) => l.href === "/" || l.href === "/support") : NAV[area];
  const api = user?.role === "consumer" ? await serverApi() : null;
  const [unread, pastDue] = api ? await Promise.all([api.notifications.unreadCount(), api.bills.pastDue()]) : [null, null];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? HOME_FOR_ROLE[user.role as Role] : "/"} className="flex items-baseline gap-2 text-lg font-bold text-brand-700">
          Houfu <span className="text-sm font-medium text-slate-500">后付</span>
          {AREA_TITLE[area] ? (
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{t(AREA_TITLE[area])}</span>
          ) : null}
        </Link>
        <NavLinks links={links.map((l) => ({ href: l.href, label: t(l.label) }))} label={t("main")} menuLabel={t("menu")} />
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          <LanguageSwitcher />
          {user ? (
            <>
              {pastDue ? (
                <Link
                  href="/account/bills"
                  className="inline-flex min-h-11 items-center rounded-full bg-red-600 px-3 text-sm font-semibold text-white hover:bg-red-700"
                >
                  {t("pastDue", { amount: formatFen(pastDue.owedFen) })}
                </Link>
              ) : null}
              {unread !== null ? (
                <Link
                  href="/account/notifications"
                  className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
                >
                  {t("notifications", { count: unread })}
                </Link>
              ) : null}
              <span className="hidden text-sm text-slate-600 sm:inline">
                <span className="sr-only">{t("signedInAs")} </span>
                {user.name ?? user.email}
              </span>
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <>
              <Link
                href="/sign-in"
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
              >
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
              >
                {t("createAccount")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
