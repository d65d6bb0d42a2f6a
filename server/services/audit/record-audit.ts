import type { Db } from "@/db/client";
import { auditLog, type Role } from "@/db/schema";

export type Actor = { userId: number; role: Role };

/** Appends one audit row; the table refuses updates and deletes (see the migration's triggers). */
export async function recordAudit(
  tx: Db,
  entry: { actor: Actor; action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown; at: Date },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actor.userId,
    actorRole: entry.actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: entry.at,
  });
}
