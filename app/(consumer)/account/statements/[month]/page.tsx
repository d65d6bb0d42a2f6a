import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader, Stat } from "@/components/ui/card";
import { InfoNotice } from "@/components/ui/notice";
import { formatDate, formatFen, formatMonth } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { nextMonth, signedFen } from "@/server/domain/statements";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

// Printing leaves the statement alone: no site header, no buttons, no scrolling frame around the table.
const PRINT_CSS = `@media print {
  body > header, body header, nav, [data-print="hide"] { display: none !important; }
  [data-statement] [role="region"] { overflow: visible !important; border: 0 !important; box-shadow: none !important; }
  [data-statement] { font-size: 11pt; }
  @page { margin: 16mm; }
}`;

function isMonthParam(month: string) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
}

export async function generateMetadata({ params }: { params: Promise<{ month: string }> }) {
  const [{ month }, t, locale] = await Promise.all([params, getTranslations("statementsPage"), getLocale()]);
  return { title: isMonthParam(month) ? t("heading", { month: formatMonth(month, locale) }) : t("title") };
}

export default async function StatementPage({ params }: { params: Promise<{ month: string }> }) {
  const [{ month }, t, locale] = await Promise.all([params, getTranslations("statementsPage"), getLocale()]);
  if (!isMonthParam(month)) notFound();
  const statement = await (await serverApi()).statements.get({ month }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const monthName = formatMonth(month, locale);
  const signed = (fen: number) => (fen < 0 ? `−${formatFen(-fen)}` : formatFen(fen));
  return (
    <div className="space-y-6" data-statement>
      <style>{PRINT_CSS}</style>
      <PageHeader
        title={t("heading", { month: monthName })}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2" data-print="hide">
            <Link href="/account/statements" className={buttonClass("ghost")}>
              {t("back")}
            </Link>
            <PrintButton label={t("print")} />
            <a href={`/account/statements/${month}/csv`} className={buttonClass("secondary")} download>
              {t("downloadCsv")}
            </a>
          </div>
        }
      />
      {statement.current ? <InfoNotice>{t("currentNote")}</InfoNotice> : null}
      <section aria-labelledby="statement-summary" className="space-y-3">
        <h2 id="statement-summary" className="text-lg font-semibold">
          {t("summary")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3 print:grid-cols-3">
          <Stat label={t("opening")} value={formatFen(statement.openingFen)} />
          <Stat label={t("orders")} value={formatFen(statement.ordersFen)} />
          <Stat label={t("payments")} value={signed(-statement.paymentsFen)} />
          <Stat label={t("refunds")} value={signed(-statement.refundsFen)} />
          <Stat label={t("fees")} value={formatFen(statement.feesFen)} />
          <Stat label={t("closing")} value={formatFen(statement.closingFen)} />
          <Stat
            label={t("dueNext")}
            value={formatFen(statement.dueNextMonthFen)}
            hint={t("dueNextHint", { month: formatMonth(nextMonth(month), locale) })}
          />
        </div>
        <p className="text-sm text-slate-600">{t("balanceRule")}</p>
      </section>
      <section aria-labelledby="statement-entries" className="space-y-3">
        <h2 id="statement-entries" className="text-lg font-semibold">
          {t("entries")}
        </h2>
        <DataTable
          caption={t("entriesCaption", { month: monthName })}
          minWidth="36rem"
          rows={statement.entries.map((entry, index) => ({ ...entry, index }))}
          rowKey={(e) => e.index}
          empty={{ title: t("noEntries") }}
          columns={[
            { key: "date", header: t("date"), className: "whitespace-nowrap", cell: (e) => formatDate(e.on, locale) },
            { key: "entry", header: t("entry"), rowHeader: true, cell: (e) => t(`kind.${e.kind}`) },
            { key: "order", header: t("order"), cell: (e) => e.orderNumber },
            { key: "store", header: t("store"), cell: (e) => e.storeName },
            { key: "amount", header: t("amount"), align: "right", cell: (e) => signed(signedFen(e)) },
          ]}
        />
      </section>
    </div>
  );
}
