import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ORDER_STATUSES, PAYMENT_METHODS } from "@/db/schema";
import { formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("merchantOrders"))("title") };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Unknown or malformed parameters are dropped rather than failing the page.
const params = z.object({
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  method: z.enum(PAYMENT_METHODS).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  sort: z.enum(["date", "total"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  after: z.string().max(60).optional().catch(undefined),
});

type Params = z.infer<typeof params>;

function href(p: Params, change: Partial<Params>): string {
  const next = { ...p, after: undefined, ...change };
  const query = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => !!e[1]));
  const text = query.toString();
  return text ? `/merchant/orders?${text}` : "/merchant/orders";
}

export default async function MerchantOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = params.parse(await searchParams);
  const sort = p.sort ?? "date";
  const dir = p.dir ?? "desc";
  const [api, t, tOrder, tMethod, tInstalment, tc, locale] = await Promise.all([
    serverApi(),
    getTranslations("merchantOrders"),
    getTranslations("orderStatus"),
    getTranslations("paymentMethod"),
    getTranslations("instalmentStatus"),
    getTranslations("staff"),
    getLocale(),
  ]);
  const page = await api.merchant.orders.list({
    status: p.status,
    paymentMethod: p.method,
    from: p.from,
    to: p.to,
    overdueOnly: p.overdue === "1",
    q: p.q || undefined,
    sort,
    dir,
    cursor: p.after,
    limit: 20,
  });
  const sortLink = (key: "date" | "total", label: string) => {
    const active = sort === key;
    const nextDir = active && dir === "desc" ? "asc" : "desc";
    return (
      <Link href={href(p, { sort: key, dir: nextDir })} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {label}
        {active ? <span aria-hidden>{dir === "desc" ? "↓" : "↑"}</span> : null}
        {active ? <span className="sr-only">{dir === "desc" ? tc("sortedDescending") : tc("sortedAscending")}</span> : null}
      </Link>
    );
  };
  const ariaSort = (key: "date" | "total") => (sort === key ? (dir === "desc" ? "descending" : "ascending") : undefined);
  const field = "min-h-11 rounded-lg border border-slate-300 px-3 text-base font-normal";

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <form
        method="get"
        role="search"
        aria-label={t("filterLabel")}
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 sm:col-span-2">
          {t("search")}
          <input name="q" type="search" defaultValue={p.q} placeholder={t("searchPlaceholder")} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("status")}
          <select name="status" defaultValue={p.status ?? ""} className={field}>
            <option value="">{t("anyStatus")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tOrder(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("method")}
          <select name="method" defaultValue={p.method ?? ""} className={field}>
            <option value="">{t("anyMethod")}</option>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {tMethod(m)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("from")}
          <input name="from" type="date" defaultValue={p.from} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("to")}
          <input name="to" type="date" defaultValue={p.to} className={field} />
        </label>
        <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium text-slate-700">
          <input name="overdue" type="checkbox" value="1" defaultChecked={p.overdue === "1"} className="h-5 w-5" />
          {t("overdueOnly")}
        </label>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {t("apply")}
          </button>
          <Link href="/merchant/orders" className={buttonClass("ghost")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      <DataTable
        caption={t("caption")}
        rows={page.items}
        rowKey={(o) => o.id}
        empty={{ title: p.after ? t("emptyMore") : t("empty"), body: t("emptyBody") }}
        columns={[
          {
            key: "number",
            header: t("colOrder"),
            rowHeader: true,
            className: "whitespace-nowrap",
            cell: (o) => (
              <Link href={`/merchant/orders/${o.id}`} className="text-brand-700 underline">
                {o.number}
              </Link>
            ),
          },
          {
            key: "date",
            header: sortLink("date", t("colDate")),
            label: t("colDate"),
            ariaSort: ariaSort("date"),
            className: "whitespace-nowrap",
            cell: (o) => formatDateTime(o.createdAt, locale),
          },
          {
            key: "customer",
            header: t("colCustomer"),
            cell: (o) => (
              <>
                {o.customer.name}
                <span className="block text-xs text-slate-500">{o.customer.email}</span>
              </>
            ),
          },
          { key: "payment", header: t("colPayment"), cell: (o) => tMethod(o.paymentMethod) },
          {
            key: "status",
            header: t("colStatus"),
            cell: (o) => (
              <>
                {tOrder(o.status)}
                {o.overdue ? (
                  <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">{tInstalment("overdue")}</span>
                ) : null}
              </>
            ),
          },
          {
            key: "total",
            header: sortLink("total", t("colTotal")),
            label: t("colTotal"),
            ariaSort: ariaSort("total"),
            align: "right",
            cell: (o) => (
              <>
                {formatFen(o.totalFen)}
                {o.refundedFen > 0 ? (
                  <span className="block text-xs text-slate-500">{t("refunded", { amount: formatFen(o.refundedFen) })}</span>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <nav aria-label={tc("pages")} className="flex gap-4 text-sm">
        {p.after ? (
          <Link href={href(p, {})} className="text-brand-700 underline">
            {tc("firstPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={href(p, { after: page.nextCursor })} className="text-brand-700 underline">
            {tc("nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
