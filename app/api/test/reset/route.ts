import { getDb } from "@/db/client";
import { seedDemo, wipeDatabase } from "@/db/seed";
import { systemClock } from "@/server/clock";

export const dynamic = "force-dynamic";

// End-to-end tests put the demo data back between journeys (wiping the sign-in throttle too). Exists only when the test server enables it.
export async function POST() {
  if (process.env.HOUFU_E2E_RESET !== "1") return new Response("Not found", { status: 404 });
  const db = getDb();
  await wipeDatabase(db);
  await seedDemo(db, systemClock.now());
  return Response.json({ reset: true });
}
