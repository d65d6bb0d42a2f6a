import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { systemClock } from "@/server/clock";
import { getSessionUser } from "@/server/auth/session";
import { addDays, localDate } from "@/server/calendar";
import { DomainError } from "@/server/domain/errors";
import { nextMonth } from "@/server/domain/statements";
import { getStatement } from "@/server/services/statements/statements";
import { statementCsvRows } from "@/server/services/statements/statement-csv";

export const dynamic = "force-dynamic";

/** The signed-in consumer's statement for one month as CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ month: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  if (user.role !== "consumer") return Response.json({ error: "This is not available to your account." }, { status: 403 });
  const { month } = await params;
  const now = systemClock.now();
  const statement = await getStatement(getDb(), systemClock, { consumerId: user.id, month }).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!statement) return Response.json({ error: "There is no statement for this month." }, { status: 404 });
  const lastDay = statement.current ? localDate(now) : addDays(`${nextMonth(month)}-01`, -1);
  return new Response(stringify(statementCsvRows(statement, lastDay)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="houfu-statement-${month}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
