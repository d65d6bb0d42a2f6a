// biome-ignore-all lint/a11y/noRedundantRoles: a phone restacks the rows with display:block, which drops the implicit table roles in some browsers; the explicit ones keep it a table
import type { CSSProperties, ReactNode } from "react";
import { EmptyState } from "./card";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** The cell that names its row (a <th scope="row">). */
  rowHeader?: boolean;
  ariaSort?: "ascending" | "descending";
  className?: string | ((row: Row) => string);
  /** The cell's label on a phone, where rows stack as cards (defaults to the header when it is text). */
  label?: string;
};

/**
 * A table that scrolls sideways inside its own focusable region (named by its caption), never the page; on a phone
 * each row stacks into a card whose cells carry their column's label, so no column (status, owed) is off screen.
 * Explicit roles keep it a table for assistive technology when the phone layout changes its display; each cell's content
 * sits in one box, so a name and the email under it stay together beside the label.
 * With no rows it shows the empty state instead.
 */
export function DataTable<Row>({
  caption,
  label = caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  empty,
  minWidth = "40rem",
  framed = true,
}: {
  caption: string;
  /** The scrolling region's name, when it should differ from the caption. */
  label?: string;
  showCaption?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty?: { title: string; body?: ReactNode };
  minWidth?: string;
  framed?: boolean;
}) {
  if (rows.length === 0 && empty) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  const pad = framed ? "px-4" : "pr-3 last:pr-0";
  const labelOf = (c: Column<Row>) => c.label ?? (typeof c.header === "string" ? c.header : undefined);
  const stackedCell =
    "max-sm:flex max-sm:items-baseline max-sm:justify-between max-sm:gap-4 max-sm:py-1 max-sm:text-right max-sm:before:shrink-0 max-sm:before:text-left max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]";
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto ${framed ? "rounded-xl border border-slate-200 bg-white shadow-sm" : ""}`}
    >
      <table
        role="table"
        className="w-full text-left text-sm max-sm:block sm:min-w-(--table-min)"
        style={{ "--table-min": minWidth } as CSSProperties}
      >
        <caption className={showCaption ? "mb-2 text-left text-slate-600 max-sm:block" : "sr-only"}>{caption}</caption>
        <thead
          role="rowgroup"
          className={`max-sm:hidden ${framed ? "border-b border-slate-200 bg-slate-50 text-xs text-slate-600" : "text-xs text-slate-500"}`}
        >
          <tr role="row">
            {columns.map((c) => (
              <th
                key={c.key}
                role="columnheader"
                scope="col"
                aria-sort={c.ariaSort}
                className={`${pad} py-2 font-medium whitespace-nowrap ${c.align === "right" ? "text-right" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100 align-top max-sm:block">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row" className="max-sm:block max-sm:py-2">
              {columns.map((c) => {
                const extra = typeof c.className === "function" ? c.className(row) : (c.className ?? "");
                const className = `${pad} py-2 ${c.align === "right" ? "text-right tabular-nums" : ""} ${stackedCell} ${extra}`;
                return c.rowHeader ? (
                  <th key={c.key} role="rowheader" scope="row" data-label={labelOf(c)} className={`${className} font-medium`}>
                    <div className="min-w-0">{c.cell(row)}</div>
                  </th>
                ) : (
                  <td key={c.key} role="cell" data-label={labelOf(c)} className={className}>
                    <div className="min-w-0">{c.cell(row)}</div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
