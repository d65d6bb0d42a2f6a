import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { exec } from "@/db/query";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await exec(getDb(), sql`SELECT 1`);
    return Response.json({ status: "ok", database: "up" });
  } catch {
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  }
}
