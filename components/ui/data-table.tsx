import type { ReactNode } from "react";
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
};

/**
 * A table that scrolls sideways inside its own focusable region (named by its caption), never the page;
 * with no rows it shows the empty state instead.
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
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto ${framed ? "rounded-xl border border-slate-200 bg-white shadow-sm" : ""}`}
    >
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        <caption className={showCaption ? "mb-2 text-left text-slate-600" : "sr-only"}>{caption}</caption>
        <thead className={framed ? "border-b border-slate-200 bg-slate-50 text-xs text-slate-600" : "text-xs text-slate-500"}>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.ariaSort}
                className={`${pad} py-2 font-medium whitespace-nowrap ${c.align === "right" ? "text-right" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => {
                const extra = typeof c.className === "function" ? c.className(row) : (c.className ?? "");
                const className = `${pad} py-2 ${c.align === "right" ? "text-right tabular-nums" : ""} ${extra}`;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={`${className} font-medium`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={className}>
                    {c.cell(row)}
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
