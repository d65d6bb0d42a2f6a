import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { decodeIdCursor, pageCursor } from "@/server/domain/cursor";
import { AnswerForm } from "./answer-form";
import { KeepDates } from "@/components/ui/keep-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSupport"))("title") };
}

const PAGE_SIZE = 20;

export default async function AdminSupportPage({ searchParams }: { searchParams: Promise<{ status?: string; after?: string }> }) {
  const params = await searchParams;
  const status = params.status === "answered" ? "answered" : "open";
  const cursor = pageCursor(params.after, decodeIdCursor);
  const [api, t, tTopic, locale] = await Promise.all([serverApi(), getTranslations("adminSupport"), getTranslations("support"), getLocale()]);
  const page = await api.admin.supportTickets({ status, cursor, limit: PAGE_SIZE });
  const tab = (value: "open" | "answered") => (
    <Link
      href={`/admin/support?status=${value}`}
      aria-current={status === value ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium ${status === value ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {t(value)}
    </Link>
  );
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("filter")} className="flex gap-2">
        {tab("open")}
        {tab("answered")}
      </nav>
      {page.tickets.length === 0 ? (
        <EmptyState title={status === "open" ? t("emptyOpen") : t("emptyAnswered")} />
      ) : (
        <ul className="space-y-4">
          {page.tickets.map((ticket) => (
            <li key={ticket.id}>
              <article aria-labelledby={`ticket-${ticket.id}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <header>
                  <h2 id={`ticket-${ticket.id}`} className="text-base font-semibold">
                    {t("ticketTitle", { topic: tTopic(`topic_${ticket.topic}`), name: ticket.userName })}
                  </h2>
                  <p className="text-xs text-slate-500">
                    {ticket.userRole === "consumer" ? (
                      <Link href={`/admin/consumers/${ticket.userId}`} className="text-brand-700 underline">
                        {ticket.userEmail}
                      </Link>
                    ) : (
                      <span>{ticket.userEmail}</span>
                    )}{" "}
                    · {t(`role_${ticket.userRole}`)} · <span className="whitespace-nowrap">{formatDateTime(ticket.createdAt, locale)}</span>
                  </p>
                </header>
                <p className="whitespace-pre-line text-sm text-slate-800">{ticket.message}</p>
                {ticket.answer ? (
                  <div className="rounded-md bg-brand-50 p-3 text-sm">
                    <p className="text-xs font-medium text-brand-700">
                      <KeepDates>{t("answeredOn", { date: ticket.answeredAt ? formatDateTime(ticket.answeredAt, locale) : "" })}</KeepDates>
                    </p>
                    <p className="mt-1 whitespace-pre-line text-slate-800">{ticket.answer}</p>
                  </div>
                ) : (
                  <AnswerForm ticketId={ticket.id} name={ticket.userName} />
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("pages")} className="flex gap-3 text-sm">
        {cursor ? (
          <Link href={`/admin/support?status=${status}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={`/admin/support?status=${status}&after=${page.nextCursor}`}
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
