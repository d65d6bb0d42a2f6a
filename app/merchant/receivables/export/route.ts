import { eq } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { first } from "@/db/query";
import { stores } from "@/db/schema";
import { systemClock } from "@/server/clock";
import { getSessionUser } from "@/server/auth/session";
import { localDate } from "@/server/calendar";
import { EXPORT_COLUMNS, receivablesExportRows } from "@/server/services/receivables/export-rows";

export const dynamic = "force-dynamic";

/** Every open or paid instalment of the signed-in merchant's store, streamed as CSV in batches. */
export async function GET() {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  if (user.role !== "merchant") return Response.json({ error: "This is not available to your account." }, { status: 403 });
  const db = getDb();
  const store = await first(db.select({ id: stores.id, slug: stores.slug }).from(stores).where(eq(stores.ownerUserId, user.id)).limit(1));
  if (!store) return Response.json({ error: "No store belongs to this account." }, { status: 403 });

  const now = systemClock.now();
  const batches = receivablesExportRows(db, { storeId: store.id, now });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([[...EXPORT_COLUMNS]])));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(stringify(next.value)));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${store.slug}-receivables-${localDate(now)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
