import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions, users } from "@/db/schema";
import { storedPolicyParams } from "@/server/domain/policy";
import { diffPolicies } from "@/server/domain/policy-diff";

export const HISTORY_SIZE = 50;

/** The newest policy versions with their author and what each changed from the one before. */
export async function policyHistory(db: Db) {
  const rows = (
    await db
      .select({
        version: policyVersions.version,
        params: policyVersions.params,
        note: policyVersions.note,
        createdAt: policyVersions.createdAt,
        authorName: users.name,
        authorEmail: users.email,
      })
      .from(policyVersions)
      .leftJoin(users, eq(users.id, policyVersions.authorUserId))
      .orderBy(desc(policyVersions.version))
      .limit(HISTORY_SIZE + 1)
  ).map((row) => ({ ...row, params: storedPolicyParams(row.params) }));
  return rows.slice(0, HISTORY_SIZE).map((row, i) => {
    const previous = rows[i + 1];
    return {
      version: row.version,
      note: row.note,
      createdAt: row.createdAt,
      author: row.authorName ?? row.authorEmail ?? "System",
      previousVersion: previous?.version ?? null,
      changes: previous ? diffPolicies(previous.params, row.params) : [],
      // The parameters themselves, so a page can describe the change in its reader's language.
      params: row.params,
      previousParams: previous?.params ?? null,
    };
  });
}
