// Monthly statements of a consumer's pay-later balance, derived from the ledger: one per calendar month (the
// platform's calendar; the caller gives each entry its month), with
//   opening + new pay-later orders − payments − refunds and cancellations + fees = closing.
// The balance is what the consumer owes on bills: unpaid principal plus charged, unpaid late fees.

export type StatementEntryKind = "order" | "payment" | "refund" | "cancellation" | "fee";

export type StatementEntry = {
  kind: StatementEntryKind;
  /** Calendar date (YYYY-MM-DD) in the platform's zone; its first 7 characters are the statement month. */
  on: string;
  /** Always positive: the sign comes from the kind (orders and fees add, the rest take off). */
  amountFen: number;
  orderNumber: string;
  storeName: string;
};

/** An instalment as scheduled: what a statement shows as falling due in the month after it, less what is paid. */
export type ScheduledInstalment = {
  /** The order whose bill it is on (the entries of the same order give that bill's balance). */
  orderNumber: string;
  dueDate: string;
  amountFen: number;
  /** The date its bill started and, if the order was cancelled, the date it was. */
  billedOn: string;
  cancelledOn: string | null;
};

export type MonthlyStatement = {
  month: string;
  openingFen: number;
  ordersFen: number;
  paymentsFen: number;
  refundsFen: number;
  feesFen: number;
  closingFen: number;
  /** Scheduled principal of the instalments due in the following month, as known at the month's end. */
  dueNextMonthFen: number;
  entries: StatementEntry[];
};

const ADDS: Record<StatementEntryKind, 1 | -1> = { order: 1, fee: 1, payment: -1, refund: -1, cancellation: -1 };

/** The signed effect of an entry on the balance. */
export function signedFen(entry: Pick<StatementEntry, "kind" | "amountFen">): number {
  return ADDS[entry.kind] * entry.amountFen;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/**
 * Every month's statement from the first month with an entry up to `currentMonth` (months with nothing in them
 * included, so each opens where the last closed), oldest first. Entries after `currentMonth` are ignored.
 */
export function monthlyStatements(
  entries: readonly StatementEntry[],
  scheduled: readonly ScheduledInstalment[],
  currentMonth: string,
): MonthlyStatement[] {
  const inRange = entries.filter((e) => e.amountFen !== 0 && monthOf(e.on) <= currentMonth);
  if (inRange.length === 0) return [];
  const byMonth = new Map<string, StatementEntry[]>();
  for (const e of [...inRange].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
    const month = monthOf(e.on);
    byMonth.set(month, [...(byMonth.get(month) ?? []), e]);
  }
  const first = [...byMonth.keys()].sort()[0]!;
  const statements: MonthlyStatement[] = [];
  let opening = 0;
  for (let month = first; month <= currentMonth; month = nextMonth(month)) {
    const monthEntries = byMonth.get(month) ?? [];
    const total = (kinds: StatementEntryKind[]) => monthEntries.filter((e) => kinds.includes(e.kind)).reduce((sum, e) => sum + e.amountFen, 0);
    const ordersFen = total(["order"]);
    const paymentsFen = total(["payment"]);
    const refundsFen = total(["refund", "cancellation"]);
    const feesFen = total(["fee"]);
    const closingFen = opening + ordersFen - paymentsFen - refundsFen + feesFen;
    const dueNextMonthFen = stillDueNextMonth(month, inRange, scheduled);
    statements.push({ month, openingFen: opening, ordersFen, paymentsFen, refundsFen, feesFen, closingFen, dueNextMonthFen, entries: monthEntries });
    opening = closingFen;
  }
  return statements;
}

/**
 * What of the following month's instalments is still to pay at `month`'s end, bill by bill. A repayment pays the
 * oldest instalment first (late fee before principal), so what a bill still owes sits on its latest instalments:
 * the part beyond the principal due after the following month falls on the following month's, up to their amount.
 */
function stillDueNextMonth(month: string, entries: readonly StatementEntry[], scheduled: readonly ScheduledInstalment[]): number {
  const following = nextMonth(month);
  const live = scheduled.filter((i) => monthOf(i.billedOn) <= month && (i.cancelledOn === null || monthOf(i.cancelledOn) > month));
  let due = 0;
  for (const orderNumber of new Set(live.map((i) => i.orderNumber))) {
    const ofBill = live.filter((i) => i.orderNumber === orderNumber);
    const nextFen = ofBill.filter((i) => monthOf(i.dueDate) === following).reduce((sum, i) => sum + i.amountFen, 0);
    if (nextFen === 0) continue;
    const laterFen = ofBill.filter((i) => monthOf(i.dueDate) > following).reduce((sum, i) => sum + i.amountFen, 0);
    const owedFen = entries.filter((e) => e.orderNumber === orderNumber && monthOf(e.on) <= month).reduce((sum, e) => sum + signedFen(e), 0);
    due += Math.min(nextFen, Math.max(0, owedFen - laterFen));
  }
  return due;
}
