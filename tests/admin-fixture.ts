// What the admin tests share: refusals read as tRPC errors or as text, the audit log's count and last row, the policy at 650.
import { count, desc } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { connectionOf, type Db } from "@/db/client";
import { first } from "@/db/query";
import { auditLog } from "@/db/schema";
import type { callerAs } from "./helpers";

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export const auditCount = async (db: Db) => (await first(db.select({ n: count() }).from(auditLog)))!.n;
export const lastAudit = async (db: Db) => (await first(db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)))!;

export type Api = Awaited<ReturnType<typeof callerAs>>;

/** The error's message and those of its causes (a driver's error arrives wrapped in Drizzle's). */
export function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
    if (typeof e.message === "string") parts.push(e.message);
  return parts.join("\n");
}

export async function refusalText(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return messages(error);
  }
  return "no error";
}

/** Runs a statement on the database's own connection, below Drizzle: what anyone holding it could do. */
export async function onTheConnection(db: Db, statement: string): Promise<void> {
  const connection = connectionOf(db);
  if (connection.kind === "pg") await connection.pool.query(statement);
  else connection.writer.exec(statement);
}

/** The default policy with the threshold at 650 (and the bands starting there). */
export { policyAt650 } from "@/server/domain/what-if.fixture";
