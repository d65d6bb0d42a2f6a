import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/query";
import { auditLog, users } from "@/db/schema";
import { addDays, startOfLocalDate } from "@/server/calendar";
import { cursorOrRefuse, decodeIdCursor, encodeIdCursor, keysetPage } from "@/server/domain/cursor";

export type AuditFilters = {
  actorUserId?: number;
  action?: string;
  entityType?: string;
  // Calendar dates in the platform zone, both inclusive.
  from?: string;
  to?: string;
};

/** The audit log newest first, filtered, a page at a time (keyset on id). */
export async function listAudit(db: Db, input: AuditFilters & { cursor?: string | null; limit: number }) {
  const before = input.cursor ? cursorOrRefuse(decodeIdCursor(input.cursor)) : null;
  const page = await db
    .select({
      id: auditLog.id,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      // The entity's own name, so the log reads "Alice Wang" rather than "consumer #5".
      entityName: sql<string | null>`CASE
        WHEN ${auditLog.entityType} = 'consumer' THEN (SELECT u.name FROM users u WHERE CAST(u.id AS TEXT) = ${auditLog.entityId})
        WHEN ${auditLog.entityType} = 'store' THEN (SELECT s.name FROM stores s WHERE CAST(s.id AS TEXT) = ${auditLog.entityId})
        WHEN ${auditLog.entityType} = 'api_key' THEN (SELECT k.name FROM api_keys k WHERE CAST(k.id AS TEXT) = ${auditLog.entityId})
        ELSE NULL END`,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        before ? lt(auditLog.id, before) : undefined,
        input.actorUserId ? eq(auditLog.actorUserId, input.actorUserId) : undefined,
        input.action ? eq(auditLog.action, input.action) : undefined,
        input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
        input.from ? gte(auditLog.createdAt, startOfLocalDate(input.from)) : undefined,
        input.to ? lt(auditLog.createdAt, startOfLocalDate(addDays(input.to, 1))) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  return keysetPage(page, input.limit, (last) => encodeIdCursor(last.id));
}

/** The choices the audit filters offer: who has acted, and which actions and entity types occur. */
export async function auditFilterOptions(db: Db) {
  const actors = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`${users.id} IN (SELECT DISTINCT actor_user_id FROM audit_log)`)
    .orderBy(users.name);
  const actions = (await rows<{ action: string }>(db, sql`SELECT DISTINCT action FROM audit_log ORDER BY action`)).map((r) => r.action);
  const entityTypes = (await rows<{ entity_type: string }>(db, sql`SELECT DISTINCT entity_type FROM audit_log ORDER BY entity_type`)).map(
    (r) => r.entity_type,
  );
  return { actors, actions, entityTypes };
}
