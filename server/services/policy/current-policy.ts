import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/prepared";
import { policyVersions } from "@/db/schema";
import { DEFAULT_POLICY, policyParamsSchema, type PolicyParams } from "@/server/domain/policy";

export type PolicyVersion = { version: number; params: PolicyParams };

// The newest version with its params as stored (text): parsed once per distinct text, not on every call.
const statements = perConnection((db) => ({
  newest: db
    .select({ version: policyVersions.version, params: sql<string>`${policyVersions.params}` })
    .from(policyVersions)
    .orderBy(desc(policyVersions.version))
    .limit(1)
    .prepare(),
  parsed: new Map<string, PolicyParams>(),
}));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The policy in force: the newest immutable version (defaults if none was ever saved). */
export function currentPolicy(db: Db): PolicyVersion {
  const s = statements(db);
  const row = s.newest.get();
  if (!row) return { version: 0, params: DEFAULT_POLICY };
  let params = s.parsed.get(row.params);
  if (!params) {
    params = deepFreeze(policyParamsSchema.parse(JSON.parse(row.params)));
    if (s.parsed.size > 32) s.parsed.clear();
    s.parsed.set(row.params, params);
  }
  return { version: row.version, params };
}

/** The terms a bill was made with. */
export function policyByVersion(db: Db, version: number): PolicyVersion {
  const row = db.select().from(policyVersions).where(eq(policyVersions.version, version)).get();
  if (!row) throw new Error(`Policy version ${version} does not exist`);
  return { version: row.version, params: policyParamsSchema.parse(row.params) };
}
