import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { MarkAllReadButton } from "./mark-all-read-button";

export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const parsed = Number(cursor);
  const api = await serverApi();
  const [page, unread] = await Promise.all([
    api.notifications.list({ cursor: Number.isInteger(parsed) && parsed > 0 ? parsed : null, limit: 20 }),
    api.notifications.unreadCount(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description={unread > 0 ? `${unread} unread` : "You are all caught up."}
        actions={unread > 0 ? <MarkAllReadButton /> : null}
      />
      {page.items.length === 0 ? (
        <EmptyState title="No notifications yet">Reminders before a payment is due, and news about your payments, appear here.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Notifications">
          {page.items.map((n) => (
            <li key={n.id} className={`rounded-xl border bg-white p-4 shadow-sm ${n.read ? "border-slate-200" : "border-brand-600"}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium text-slate-900">
                  {n.read ? null : <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">New</span>}
                  {n.title}
                </p>
                <time className="text-xs text-slate-500" dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              </div>
              <p className="mt-1 text-sm text-slate-700">{n.body}</p>
              {n.link ? <Link href={n.link} className="mt-2 inline-block text-sm text-brand-700 underline">Open</Link> : null}
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <Link href={`/account/notifications?cursor=${page.nextCursor}`} className="text-sm text-brand-700 underline">Older notifications</Link>
      ) : null}
    </div>
  );
}
