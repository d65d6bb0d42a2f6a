import type { Db } from "@/db/client";
import { policyVersions } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Clock } from "@/server/clock";
import { DomainError } from "@/server/domain/errors";
import { policyUpdateSchema, type PolicyUpdate } from "@/server/domain/policy";
import { diffPolicies } from "@/server/domain/policy-diff";
import { recordAudit, type Actor } from "@/server/services/audit/record-audit";
import { currentPolicy } from "./current-policy";

/** Saves a new immutable policy version (previous + 1); new checks and bills use it at once. */
export async function updatePolicy(db: Db, clock: Clock, actor: Actor, input: PolicyUpdate): Promise<{ version: number }> {
  const { params, note } = policyUpdateSchema.parse(input);
  const at = clock.now();
  return withTransaction(db, async (tx) => {
    const previous = await currentPolicy(tx);
    if (diffPolicies(previous.params, params).length === 0)
      throw new DomainError("NO_CHANGE", `This is the policy in force (version ${previous.version}); change something before saving.`);
    const version = previous.version + 1;
    await tx.insert(policyVersions).values({ version, params, note, authorUserId: actor.userId, createdAt: at });
    await recordAudit(tx, {
      actor,
      action: "policy.update",
      entityType: "policy",
      entityId: version,
      before: previous.version > 0 ? { version: previous.version, params: previous.params } : null,
      after: { version, note, params },
      at,
    });
    return { version };
  });
}
