// A digest of every row of every table: equal digests before and after a call mean the call wrote nothing.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isPg } from "@/db/engine";
import { rows } from "@/db/query";

/** The app's tables (not the migrator's bookkeeping), by name, on either engine. */
export async function tableNames(db: Db): Promise<string[]> {
  const tables = isPg()
    ? await rows<{ name: string }>(
        db,
        sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__drizzle%' ORDER BY table_name`,
      )
    : await rows<{ name: string }>(
        db,
        sql`SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`,
      );
  return tables.map((t) => t.name);
}

// Throttle counters record refused attempts by design (a refused sign-up still counts against its address).
// So do the merchant API's per-key rate-limit counters: a refused request still counts against its key.
const BOOKKEEPING = new Set(["auth_throttle", "api_rate_limits"]);

export async function tableDigest(db: Db): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await tableNames(db)).filter((n) => !BOOKKEEPING.has(n))) {
    hash.update(`\n#${name}\n`);
    // PostgreSQL has no rowid and returns rows in no promised order: each table's rows are hashed sorted.
    const lines = (await rows<Record<string, unknown>>(db, sql.raw(`SELECT * FROM "${name}"`))).map((row) => JSON.stringify(row)).sort();
    for (const line of lines) hash.update(`${line}\n`);
  }
  return hash.digest("hex");
}

/** The keys of every object an input schema accepts, at any depth (zod 4 internals, read defensively). */
export function inputKeys(schema: unknown, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== "object" || seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> }; def?: Record<string, unknown> };
  const def = (s._zod?.def ?? s.def ?? {}) as Record<string, unknown>;
  const keys: string[] = [];
  const shape = (def.shape ?? (typeof s.shape === "object" ? s.shape : undefined)) as Record<string, unknown> | undefined;
  if (shape) for (const [key, value] of Object.entries(shape)) keys.push(key, ...inputKeys(value, seen));
  for (const inner of [def.innerType, def.element, def.in, def.out, def.schema, def.left, def.right]) keys.push(...inputKeys(inner, seen));
  if (Array.isArray(def.options)) for (const option of def.options) keys.push(...inputKeys(option, seen));
  return keys;
}
