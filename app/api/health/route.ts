import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { exec } from "@/db/query";
import { isDraining } from "@/server/shutdown";

export const dynamic = "force-dynamic";

/** How long the database may take to answer before the server reports it down. */
const DATABASE_DEADLINE_MS = 2_000;

// 200 while the database answers; 503 while it does not (the pool reconnects by itself, so this recovers) and
// while the server drains for shutdown, so a load balancer stops sending it new requests.
export async function GET() {
  if (isDraining()) return Response.json({ status: "draining", database: "up" }, { status: 503 });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      exec(getDb(), sql`SELECT 1`),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), DATABASE_DEADLINE_MS))),
    ]);
    return Response.json({ status: "ok", database: "up" });
  } catch {
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  } finally {
    clearTimeout(timer);
  }
}
