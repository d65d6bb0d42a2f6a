import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions } from "@/db/schema";
import { DEFAULT_POLICY, policyParamsSchema, type PolicyParams } from "@/server/domain/policy";

export type PolicyVersion = { version: number; params: PolicyParams };

/** The policy in force: the newest immutable version (defaults if none was ever saved). */
export function currentPolicy(db: Db): PolicyVersion {
  const row = db.select().from(policyVersions).orderBy(desc(policyVersions.version)).limit(1).get();
  if (!row) return { version: 0, params: DEFAULT_POLICY };
  return { version: row.version, params: policyParamsSchema.parse(row.params) };
}

/** The terms a bill was made with. */
export function policyByVersion(db: Db, version: number): PolicyVersion {
  const row = db.select().from(policyVersions).where(eq(policyVersions.version, version)).get();
  if (!row) throw new Error(`Policy version ${version} does not exist`);
  return { version: row.version, params: policyParamsSchema.parse(row.params) };
}
