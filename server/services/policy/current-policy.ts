import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/prepared";
import { first } from "@/db/query";
import { policyVersions } from "@/db/schema";
import { DEFAULT_POLICY, storedPolicyParams, type PolicyParams } from "@/server/domain/policy";

export type PolicyVersion = { version: number; params: PolicyParams };

// The newest version with its params as text (SQLite stores text, PostgreSQL jsonb): parsed once per distinct
// text, not on every call.
const statements = perConnection((db) => ({
  newest: db
    .select({ version: policyVersions.version, params: sql<string>`CAST(${policyVersions.params} AS TEXT)` })
    .from(policyVersions)
    .orderBy(desc(policyVersions.version))
    .limit(1)
    .prepare("current_policy_newest"),
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
export async function currentPolicy(db: Db): Promise<PolicyVersion> {
  const s = statements(db);
  const [row] = await s.newest.execute();
  if (!row) return { version: 0, params: DEFAULT_POLICY };
  let params = s.parsed.get(row.params);
  if (!params) {
    params = deepFreeze(storedPolicyParams(JSON.parse(row.params)));
    if (s.parsed.size > 32) s.parsed.clear();
    s.parsed.set(row.params, params);
  }
  return { version: row.version, params };
}

/** The terms a bill was made with. */
export async function policyByVersion(db: Db, version: number): Promise<PolicyVersion> {
  const row = await first(db.select().from(policyVersions).where(eq(policyVersions.version, version)));
  if (!row) throw new Error(`Policy version ${version} does not exist`);
  return { version: row.version, params: storedPolicyParams(row.params) };
}
