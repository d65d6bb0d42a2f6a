import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/states/list-skeleton";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { StatusNotice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/format";
import { notificationText } from "@/lib/i18n/localise";
import { serverApi } from "@/server/api/server-caller";
import { MarkAllReadButton } from "./mark-all-read-button";
import { decodeIdCursor, pageCursor } from "@/server/domain/cursor";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("notifications") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string; marked?: string }> }) {
  const { cursor, marked } = await searchParams;
  const api = await serverApi();
  const [unread, t, tStates] = await Promise.all([api.notifications.unreadCount(), getTranslations("notificationsPage"), getTranslations("states")]);
  return (
    <div className="space-y-6">
      {marked && unread === 0 ? <StatusNotice>{t("marked")}</StatusNotice> : null}
      <PageHeader
        title={t("title")}
        description={unread > 0 ? t("unread", { count: unread }) : t("caughtUp")}
        actions={unread > 0 ? <MarkAllReadButton /> : null}
      />
      <Suspense fallback={<ListSkeleton label={tStates("loading")} rows={4} />}>
        <NotificationList cursor={pageCursor(cursor, decodeIdCursor)} />
      </Suspense>
    </div>
  );
}

async function NotificationList({ cursor }: { cursor: string | null }) {
  const api = await serverApi();
  const [page, locale, t, tText] = await Promise.all([
    api.notifications.list({ cursor, limit: 20 }),
    getLocale(),
    getTranslations("notificationsPage"),
    getTranslations("notificationText"),
  ]);
  if (page.items.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <>
      <ul className="space-y-3" aria-label={t("listLabel")}>
        {page.items.map((n) => {
          const text = notificationText(tText, locale, n);
          return (
            <li key={n.id} className={`rounded-xl border bg-white p-4 shadow-sm ${n.read ? "border-slate-200" : "border-brand-600"}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium text-slate-900">
                  {n.read ? null : <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">{t("new")}</span>}
                  {text.title}
                </p>
                <time className="text-xs whitespace-nowrap text-slate-500" dateTime={n.createdAt.toISOString()}>
                  {formatDateTime(n.createdAt, locale)}
                </time>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                <KeepDates>{text.body}</KeepDates>
              </p>
              {n.link ? (
                <Link href={n.link} className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline">
                  {t("open")}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
      {page.nextCursor ? (
        <Link
          href={`/account/notifications?cursor=${page.nextCursor}`}
          className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
        >
          {t("older")}
        </Link>
      ) : null}
    </>
  );
}
