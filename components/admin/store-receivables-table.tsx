import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatFen, formatPercent } from "@/lib/format";
import type { StoreReceivablesRow } from "@/server/services/admin/store-receivables";

/** The message key for a store's pay-later state (adminStores namespace). */
export function payLaterStateKey(store: Pick<StoreReceivablesRow, "payLaterEnabled" | "payLaterForcedOff">): string {
  if (store.payLaterForcedOff) return "forcedOff";
  return store.payLaterEnabled ? "on" : "off";
}

/** Receivables per store; the merchants page adds its action buttons as the last column. */
export async function StoreReceivablesTable({
  stores,
  caption,
  actions,
}: {
  stores: StoreReceivablesRow[];
  caption: string;
  actions?: (store: StoreReceivablesRow) => ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("adminStores"), getLocale()]);
  return (
    <DataTable
      caption={caption}
      minWidth="48rem"
      rows={stores}
      rowKey={(s) => s.storeId}
      empty={{ title: t("empty"), body: t("emptyBody") }}
      columns={[
        {
          key: "store",
          header: t("store"),
          rowHeader: true,
          cell: (s) => (
            <>
              {s.name}
              <span className="block text-xs font-normal text-slate-500">
                {s.ownerEmail}
                {s.active ? "" : ` · ${t("inactive")}`}
              </span>
            </>
          ),
        },
        {
          key: "payLater",
          header: t("payLater"),
          className: (s) => `whitespace-nowrap ${s.payLaterForcedOff ? "font-medium text-red-700" : ""}`,
          cell: (s) => t(payLaterStateKey(s)),
        },
        {
          key: "volume",
          header: t("volume"),
          align: "right",
          cell: (s) => (
            <>
              {formatFen(s.payLaterVolumeFen)}
              <span className="block text-xs text-slate-500">{t("orders", { count: s.payLaterOrders })}</span>
            </>
          ),
        },
        { key: "outstanding", header: t("outstanding"), align: "right", cell: (s) => formatFen(s.outstandingFen) },
        { key: "due7", header: t("dueIn7Days"), align: "right", cell: (s) => formatFen(s.dueIn7DaysFen) },
        {
          key: "overdue",
          header: t("overdue"),
          align: "right",
          className: (s) => (s.overdueFen > 0 ? "text-red-700" : ""),
          cell: (s) => (
            <>
              {formatFen(s.overdueFen)}
              <span className="block text-xs text-slate-500">{t("bills", { count: s.overdueBills })}</span>
            </>
          ),
        },
        { key: "rate", header: t("overdueRate"), align: "right", cell: (s) => formatPercent(s.overdueRate, locale) },
        ...(actions ? [{ key: "actions", header: <span className="sr-only">{t("actions")}</span>, cell: actions }] : []),
      ]}
    />
  );
}
