import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { formatDateTime, formatFen } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { decodeIdCursor, pageCursor } from "@/server/domain/cursor";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Search = { actor?: string; action?: string; entity?: string; from?: string; to?: string; before?: string };

type Words = { field: (key: string) => string; value: (key: string, value: unknown) => string };

/** A before/after value as a person reads it: field labels, money in ¥, yes/no; anything nested behind "Details". */
function Snapshot({ value, detailsLabel, words }: { value: unknown; detailsLabel: string; words: Words }) {
  if (value === null || value === undefined) return <span className="text-slate-500">—</span>;
  if (typeof value !== "object") return <span>{String(value)}</span>;
  const entries = Object.entries(value as Record<string, unknown>);
  const simple = entries.every(([, v]) => v === null || typeof v !== "object");
  if (simple)
    return (
      <dl className="space-y-0.5">
        {entries.map(([k, v]) => (
          <div key={k} className="flex flex-wrap gap-x-1">
            <dt className="text-slate-500">{words.field(k)}:</dt>
            <dd className="break-words">{words.value(k, v)}</dd>
          </div>
        ))}
      </dl>
    );
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">
        {entries
          .filter(([, v]) => v === null || typeof v !== "object")
          .map(([k, v]) => `${words.field(k)}: ${words.value(k, v)}`)
          .join(", ") || detailsLabel}
      </summary>
      <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

function Select({
  id,
  label,
  allLabel,
  name,
  value,
  options,
}: {
  id: string;
  label: string;
  allLabel: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <SelectField
      id={id}
      name={name}
      label={label}
      defaultValue={value}
      className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
    >
      <option value="">{allLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const actorUserId = search.actor && /^\d{1,12}$/.test(search.actor) ? Number(search.actor) : undefined;
  const action = search.action?.slice(0, 100) || undefined;
  const entityType = search.entity?.slice(0, 100) || undefined;
  const from = search.from && DATE.test(search.from) ? search.from : undefined;
  const to = search.to && DATE.test(search.to) ? search.to : undefined;
  const cursor = pageCursor(search.before, decodeIdCursor);

  const [api, t, locale] = await Promise.all([serverApi(), getTranslations("adminAudit"), getLocale()]);
  const [options, page] = await Promise.all([
    api.admin.auditFilters(),
    api.admin.audit({ actorUserId, action, entityType, from, to, cursor, limit: PAGE_SIZE }),
  ]);
  const filters = Object.fromEntries(
    Object.entries({
      actor: actorUserId ? String(actorUserId) : "",
      action: action ?? "",
      entity: entityType ?? "",
      from: from ?? "",
      to: to ?? "",
    }).filter(([, v]) => v),
  );
  const filtered = Object.keys(filters).length > 0;
  // Action and entity codes are stable identifiers; a known one gets words beside it, an unknown one shows as it is.
  const word = (prefix: string, code: string) => {
    const key = `${prefix}_${code.replace(/\./g, "_")}`;
    return t.has(key) ? t(key) : code;
  };
  const details = t("details");
  const words: Words = {
    field: (key) => (t.has(`field_${key}`) ? t(`field_${key}`) : key),
    value: (key, v) => {
      if (v === null || v === undefined) return "—";
      if (typeof v === "boolean") return v ? t("yes") : t("no");
      if (typeof v === "number" && key.endsWith("Fen")) return formatFen(v);
      if (typeof v === "string" && t.has(`value_${v}`)) return t(`value_${v}`);
      return String(v);
    },
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <form
        method="get"
        aria-label={t("filterLabel")}
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
      >
        <Select
          id="actor"
          name="actor"
          label={t("actor")}
          allLabel={t("all")}
          value={actorUserId ? String(actorUserId) : ""}
          options={options.actors.map((a) => ({ value: String(a.id), label: `${a.name} (${a.email})` }))}
        />
        <Select
          id="action"
          name="action"
          label={t("action")}
          allLabel={t("all")}
          value={action ?? ""}
          options={options.actions.map((a) => ({ value: a, label: word("action", a) === a ? a : `${word("action", a)} (${a})` }))}
        />
        <Select
          id="entity"
          name="entity"
          label={t("entityType")}
          allLabel={t("all")}
          value={entityType ?? ""}
          options={options.entityTypes.map((e) => ({ value: e, label: word("entity", e) }))}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium text-slate-700">
            {t("from")}
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={from}
            className="min-h-11 rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium text-slate-700">
            {t("to")}
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={to}
            className="min-h-11 rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm"
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary", "flex-1")}>
            {t("filter")}
          </button>
          {filtered ? (
            <Link href="/admin/audit" className={buttonClass("secondary")}>
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>

      <DataTable
        caption={t("caption")}
        minWidth="52rem"
        rows={page.items}
        rowKey={(row) => row.id}
        empty={filtered ? { title: t("emptyFiltered"), body: t("emptyFilteredBody") } : { title: t("empty"), body: t("emptyBody") }}
        columns={[
          { key: "when", header: t("when"), className: "whitespace-nowrap", cell: (row) => formatDateTime(row.createdAt, locale) },
          {
            key: "who",
            header: t("who"),
            cell: (row) => (
              <>
                {row.actorName}
                <span className="block text-xs text-slate-500">{word("role", row.actorRole)}</span>
              </>
            ),
          },
          {
            key: "action",
            header: t("action"),
            cell: (row) => (
              <>
                {word("action", row.action) === row.action ? null : <span className="block">{word("action", row.action)}</span>}
                <span className="font-mono text-xs text-slate-600">{row.action}</span>
              </>
            ),
          },
          {
            key: "entity",
            header: t("entity"),
            cell: (row) => {
              const label = row.entityName ?? `${word("entity", row.entityType)} #${row.entityId}`;
              const href =
                row.entityType === "consumer"
                  ? `/admin/consumers/${row.entityId}`
                  : row.entityType === "store"
                    ? "/admin/merchants"
                    : row.entityType === "policy"
                      ? "/admin/policy"
                      : row.entityType === "support_ticket"
                        ? "/admin/support?status=answered"
                        : null;
              return (
                <>
                  {href ? (
                    <Link href={href} className="text-brand-700 underline">
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                  <span className="block text-xs text-slate-500">{word("entity", row.entityType)}</span>
                </>
              );
            },
          },
          { key: "before", header: t("before"), cell: (row) => <Snapshot value={row.before} detailsLabel={details} words={words} /> },
          { key: "after", header: t("after"), cell: (row) => <Snapshot value={row.after} detailsLabel={details} words={words} /> },
        ]}
      />
      <nav aria-label={t("pages")} className="flex gap-3">
        {cursor ? (
          <Link href={`/admin/audit?${new URLSearchParams(filters)}`} className={buttonClass("secondary")}>
            {t("newest")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/admin/audit?${new URLSearchParams({ ...filters, before: page.nextCursor })}`} className={buttonClass("secondary")}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
