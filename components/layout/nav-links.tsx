"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { href: string; label: string };

/** The link for the page being shown: the longest link that is the path or a folder above it. */
function currentHref(links: NavLink[], pathname: string): string | null {
  const matches = links.filter((l) => pathname === l.href || (l.href !== "/" && pathname.startsWith(`${l.href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? null;
}

const LINK = "inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium hover:bg-slate-100";

/**
 * The area's navigation, marking the current page with aria-current. On a phone the links fold into a "Menu"
 * disclosure (native <details>: works before hydration, keyboard and screen reader included); it closes on navigation.
 */
export function NavLinks({ links, label, menuLabel }: { links: NavLink[]; label: string; menuLabel: string }) {
  const pathname = usePathname();
  const current = currentHref(links, pathname);
  const item = (link: NavLink, block: boolean) => (
    <li key={link.href}>
      <Link
        href={link.href}
        aria-current={link.href === current ? "page" : undefined}
        className={`${LINK} ${block ? "w-full" : ""} ${link.href === current ? "bg-brand-50 text-brand-700" : "text-slate-700"}`}
      >
        {link.label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={label} className="sm:-ml-3 sm:basis-full sm:order-last">
      <details key={pathname} className="relative sm:hidden">
        <summary className={`${LINK} cursor-pointer list-none border border-slate-300 text-slate-700`}>
          <span aria-hidden="true" className="mr-2">
            ☰
          </span>
          {menuLabel}
        </summary>
        <ul className="absolute left-0 z-20 mt-1 w-56 space-y-1 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
          {links.map((link) => item(link, true))}
        </ul>
      </details>
      <ul className="hidden gap-1 sm:flex sm:flex-wrap">{links.map((link) => item(link, false))}</ul>
    </nav>
  );
}
