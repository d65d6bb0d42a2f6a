import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { first } from "@/db/query";
import { agreements } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";

/** The pay-later agreement in force: the newest version. */
export async function currentAgreement(db: Db) {
  const row = await first(db.select().from(agreements).orderBy(desc(agreements.version)).limit(1));
  if (!row) throw new DomainError("NOT_FOUND", "No pay-later agreement has been published.");
  return row;
}
