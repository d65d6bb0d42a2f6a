import { getDb } from "@/db/client";
import { seedDemo, wipeDatabase } from "@/scripts/seed/demo";
import { systemClock } from "@/server/clock";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

// End-to-end tests put the demo data back between journeys (wiping the sign-in throttle too). Exists only when the test server enables it.
export async function POST() {
  if (env.HOUFU_E2E_RESET !== "1") return new Response("Not found", { status: 404 });
  const db = getDb();
  await wipeDatabase(db);
  await seedDemo(db, systemClock.now());
  return Response.json({ reset: true });
}
