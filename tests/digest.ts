// A digest of every row of every table: equal digests before and after a call mean the call wrote nothing.
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";

export function tableDigest(db: Db): string {
  const hash = createHash("sha256");
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\n#${name}\n`);
    for (const row of db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row) + "\n");
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
  for (const inner of [def.innerType, def.element, def.in, def.out, def.schema, def.left, def.right])
    keys.push(...inputKeys(inner, seen));
  if (Array.isArray(def.options)) for (const option of def.options) keys.push(...inputKeys(option, seen));
  return keys;
}
