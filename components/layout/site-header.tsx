import Link from "next/link";
import type { Role } from "@/db/schema";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { serverApi } from "@/server/api/server-caller";
import { SignOutButton } from "./sign-out-button";

const NAV: Record<"consumer" | "merchant" | "admin", { href: string; label: string }[]> = {
  consumer: [
    { href: "/", label: "Shop" },
    { href: "/cart", label: "Cart" },
    { href: "/account", label: "Account" },
    { href: "/account/credit", label: "Credit" },
    { href: "/account/bills", label: "Bills" },
    { href: "/account/orders", label: "Orders" },
  ],
  merchant: [
    { href: "/merchant", label: "Overview" },
    { href: "/merchant/orders", label: "Orders" },
    { href: "/merchant/receivables", label: "Receivables" },
    { href: "/merchant/products", label: "Products" },
    { href: "/merchant/settings", label: "Settings" },
  ],
  admin: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/policy", label: "Policy" },
    { href: "/admin/consumers", label: "Consumers" },
    { href: "/admin/merchants", label: "Merchants" },
    { href: "/admin/audit", label: "Audit log" },
  ],
};

const AREA_TITLE = { consumer: "", merchant: "Merchant", admin: "Admin" } as const;

export async function SiteHeader({ area }: { area: "consumer" | "merchant" | "admin" }) {
  const user = await getSessionUser();
  const links = area === "consumer" && user?.role !== "consumer" ? NAV.consumer.slice(0, 1) : NAV[area];
  const unread = user?.role === "consumer" ? await (await serverApi()).notifications.unreadCount() : null;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? HOME_FOR_ROLE[user.role as Role] : "/"} className="flex items-baseline gap-2 text-lg font-bold text-brand-700">
          Houfu <span className="text-sm font-medium text-slate-500">后付</span>
          {AREA_TITLE[area] ? <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{AREA_TITLE[area]}</span> : null}
        </Link>
        <nav aria-label="Main" className="order-3 w-full overflow-x-auto sm:order-none sm:w-auto">
          <ul className="flex gap-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <>
              {unread !== null ? (
                <Link href="/account/notifications" className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
                  Notifications ({unread})
                </Link>
              ) : null}
              <span className="hidden text-sm text-slate-600 sm:inline" aria-label="Signed in as">{user.name ?? user.email}</span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">Sign in</Link>
              <Link href="/sign-up" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700">Create account</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
