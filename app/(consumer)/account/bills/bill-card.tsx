import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatFen } from "@/lib/format";
import { instalmentStandingText, planLabel, type Translate } from "@/lib/i18n/localise";
import { INSTALMENT_STATUS_TONE } from "@/lib/order-labels";
import type { BillView } from "@/server/services/bills/list-bills";
import type { InstalmentView } from "@/server/domain/bills";
import { ExtendPanel } from "./extend-panel";
import { RepayPanel } from "./repay-panel";
import { KeepDates } from "@/components/ui/keep-dates";

/** An instalment's standing on a bill; a voided one reads "Cancelled" here (its order was). */
function statusText(t: Translate, inst: InstalmentView, locale: string): string {
  if (inst.status === "void") return t("cancelled");
  return instalmentStandingText(t, inst, (day) => formatDate(day, locale));
}

export async function BillCard({ bill, locale }: { bill: BillView; locale: string }) {
  const [t, tStatus, tPlan] = await Promise.all([getTranslations("billCard"), getTranslations("instalmentStatus"), getTranslations("plan")]);
  const headingId = `bill-${bill.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-800">
          {t("heading", { order: bill.orderNumber, store: bill.storeName })}
        </h3>
        <p className="text-sm text-slate-600">
          <KeepDates>
            {t("meta", {
              plan: planLabel(tPlan, locale, bill.planCode, bill.planLabel),
              total: formatFen(bill.totalFen),
              date: formatDate(bill.createdAt, locale),
            })}
          </KeepDates>
        </p>
      </div>
      <div className="mt-3">
        <DataTable
          caption={t("caption", { order: bill.orderNumber })}
          framed={false}
          minWidth="30rem"
          rows={bill.instalments}
          rowKey={(inst) => inst.id}
          columns={[
            { key: "seq", header: t("seq"), cell: (inst) => inst.seq },
            { key: "due", header: t("due"), className: "whitespace-nowrap", cell: (inst) => formatDate(inst.dueDate, locale) },
            {
              key: "status",
              header: t("status"),
              cell: (inst) => (
                <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${INSTALMENT_STATUS_TONE[inst.status]}`}>
                  <KeepDates>{statusText(tStatus, inst, locale)}</KeepDates>
                </span>
              ),
            },
            { key: "amount", header: t("amount"), align: "right", cell: (inst) => formatFen(inst.amountFen) },
            { key: "lateFee", header: t("lateFee"), align: "right", cell: (inst) => (inst.lateFeeFen > 0 ? formatFen(inst.lateFeeFen) : "—") },
            { key: "paid", header: t("paid"), align: "right", cell: (inst) => formatFen(inst.paidPrincipalFen + inst.paidFeeFen) },
            { key: "owed", header: t("owed"), align: "right", cell: (inst) => formatFen(inst.owedFen) },
          ]}
        />
      </div>
      {bill.status === "open" && bill.owedFen > 0 ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <RepayPanel billId={bill.id} orderNumber={bill.orderNumber} owedFen={bill.owedFen} nextInstalmentFen={bill.nextInstalmentFen} />
        </div>
      ) : bill.status === "paid" ? (
        <p className="mt-3 text-sm text-emerald-700">{t("paidInFull")}</p>
      ) : null}
      <ExtensionPart bill={bill} locale={locale} />
    </article>
  );
}

/** Due-date extension: the move already made on this order, or the way to make the one allowed. */
async function ExtensionPart({ bill, locale }: { bill: BillView; locale: string }) {
  const t = await getTranslations("extensionPage");
  const made = bill.extension.made;
  if (made)
    return (
      <p className="mt-3 text-sm text-slate-700">
        {t("made", { seq: made.seq, from: formatDate(made.fromDate, locale), to: formatDate(made.toDate, locale) })}
      </p>
    );
  const upcoming = bill.instalments.filter((i) => i.status === "upcoming" || i.status === "due_soon");
  if (
    bill.status !== "open" ||
    bill.extension.maxDays < 1 ||
    upcoming.length === 0 ||
    bill.instalments.some((i) => i.status === "in_grace" || i.status === "overdue")
  )
    return null;
  return (
    <div className="mt-3 border-t border-slate-100 pt-3">
      <ExtendPanel
        orderNumber={bill.orderNumber}
        instalments={upcoming.map((i) => ({ id: i.id, seq: i.seq, dueDate: i.dueDate }))}
        maxDays={bill.extension.maxDays}
        feeFen={bill.extension.feeFen}
      />
    </div>
  );
}
