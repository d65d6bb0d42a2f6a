import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { toDate } from "@/db/dialect";
import { rows as queryRows } from "@/db/query";
import { localDate } from "@/server/calendar";
import { instalmentStanding, owedFen } from "@/server/domain/instalments";
import { spreadsheetSafe } from "@/server/domain/csv";
import { maskEmail, maskName } from "@/server/domain/mask";
import { fenToDecimal } from "@/server/domain/money";

export const EXPORT_COLUMNS = [
  "order_number",
  "order_date",
  "customer",
  "customer_email",
  "instalment",
  "due_date",
  "status",
  "days_past_due",
  "amount",
  "paid_principal",
  "late_fee",
  "paid_fee",
  "owed",
] as const;

type Row = {
  id: number;
  seq: number;
  due_date: string;
  overdue_on: string;
  amount_fen: number;
  paid_principal_fen: number;
  late_fee_fen: number;
  paid_fee_fen: number;
  state: "open" | "paid";
  number: string;
  // Epoch ms on SQLite, a timestamp on PostgreSQL.
  created_at: unknown;
  name: string;
  email: string;
};

/**
 * Every open or paid instalment of the store, in batches by id so a large export streams
 * without holding the database or the whole file in memory. Every cell is spreadsheet-safe: a customer's
 * name is theirs to choose, and its first letter survives the masking.
 */
export async function* receivablesExportRows(db: Db, opts: { storeId: number; now: Date; batchSize?: number }): AsyncGenerator<string[][]> {
  const today = localDate(opts.now);
  const size = opts.batchSize ?? 500;
  let afterId = 0;
  for (;;) {
    const rows = await queryRows<Row>(
      db,
      sql`
      SELECT i.id, i.seq, i.due_date, i.overdue_on, i.amount_fen, i.paid_principal_fen, i.late_fee_fen, i.paid_fee_fen, i.state,
        o.number, o.created_at, u.name, u.email
      FROM instalments i
      JOIN bills b ON b.id = i.bill_id
      JOIN orders o ON o.id = b.order_id
      JOIN users u ON u.id = i.consumer_id
      WHERE i.store_id = ${opts.storeId} AND i.state IN ('open', 'paid') AND i.id > ${afterId}
      ORDER BY i.id
      LIMIT ${size}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const facts = {
        state: r.state,
        dueDate: r.due_date,
        overdueOn: r.overdue_on,
        amountFen: r.amount_fen,
        paidPrincipalFen: r.paid_principal_fen,
        lateFeeFen: r.late_fee_fen,
        paidFeeFen: r.paid_fee_fen,
      };
      const owed = r.state === "open" ? owedFen(facts) : 0;
      const standing = instalmentStanding(facts, today);
      return [
        r.number,
        localDate(toDate(r.created_at)),
        maskName(r.name),
        maskEmail(r.email),
        String(r.seq),
        r.due_date,
        standing.status,
        String(standing.daysPastDue),
        fenToDecimal(r.amount_fen),
        fenToDecimal(r.paid_principal_fen),
        fenToDecimal(r.late_fee_fen),
        fenToDecimal(r.paid_fee_fen),
        fenToDecimal(owed),
      ].map(spreadsheetSafe);
    });
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < size) return;
  }
}
