import { spreadsheetSafe } from "@/server/domain/csv";
import { fenToDecimal } from "@/server/domain/money";
import { nextMonth, signedFen, type MonthlyStatement } from "@/server/domain/statements";

export const STATEMENT_CSV_COLUMNS = ["date", "entry", "order_number", "store", "amount_cny"] as const;

/**
 * A statement as CSV rows: the opening balance, every entry signed (what it added to or took off the balance), the
 * closing balance and what falls due next month. The amounts from opening to closing add up to the closing balance.
 */
export function statementCsvRows(statement: MonthlyStatement, lastDay: string): string[][] {
  const firstDay = `${statement.month}-01`;
  return [
    [...STATEMENT_CSV_COLUMNS],
    [firstDay, "opening_balance", "", "", fenToDecimal(statement.openingFen)],
    ...statement.entries.map((e) => [e.on, e.kind, spreadsheetSafe(e.orderNumber), spreadsheetSafe(e.storeName), fenToDecimal(signedFen(e))]),
    [lastDay, "closing_balance", "", "", fenToDecimal(statement.closingFen)],
    [`${nextMonth(statement.month)}-01`, "due_next_month", "", "", fenToDecimal(statement.dueNextMonthFen)],
  ];
}
