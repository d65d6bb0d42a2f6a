// `npm run db:copy -- --from file:data/houfu.db --to postgres://user:pass@127.0.0.1:5432/houfu`
// Copies every row from one engine's database into an empty, freshly migrated one (either direction), in one
// transaction on the target. Rows go through each engine's Drizzle schema, so instants, booleans and JSON
// arrive in the target's natural types. receivable_days is not copied: the target's triggers rebuild it from
// the instalments. Then check the target with `DATABASE_URL=<to> npm run verify`.
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { asc, is, sql, type Column } from "drizzle-orm";
import { closeDb, migrateDb, openDb, type Db } from "@/db/client";
import { ensureDatabase } from "@/db/ensure-database";
import { parseDatabaseUrl } from "@/db/engine";
import * as pgSchema from "@/db/schema/pg";
import * as sqliteSchema from "@/db/schema/sqlite";
import { withTransaction } from "@/db/transaction";

import { COPY_ORDER as ORDER, DERIVED_TABLES as DERIVED } from "./db-copy-order";

const BATCH = 1_000;

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) {
    console.error("Usage: npm run db:copy -- --from <file:… | postgres://…> --to <file:… | postgres://…>");
    process.exit(2);
  }
  return value;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

const from = arg("from");
const to = arg("to");
const source = parseDatabaseUrl(from, "--from");
const target = parseDatabaseUrl(to, "--to");
const schemaOf = (kind: "sqlite" | "pg") => (kind === "pg" ? pgSchema : sqliteSchema) as unknown as Record<string, unknown>;
const pgTables = Object.fromEntries(Object.entries(pgSchema).filter(([, v]) => is(v, PgTable))) as Record<string, PgTable>;
const allTables = Object.keys(pgTables);
const missing = allTables.filter((t) => !(ORDER as readonly string[]).includes(t) && !DERIVED.includes(t));
if (missing.length) throw new Error(`db:copy does not know where these tables go: ${missing.join(", ")}`);

function primaryColumns(kind: "sqlite" | "pg", table: unknown): Column[] {
  const config = kind === "pg" ? pgConfig(table as never) : sqliteConfig(table as never);
  const single = config.columns.filter((c) => c.primary);
  return single.length ? single : (config.primaryKeys[0]?.columns ?? config.columns);
}

await ensureDatabase(to);
const src = openDb(source);
const dst = openDb(target);
await migrateDb(dst);

type AnyDb = {
  select(): { from(t: unknown): { orderBy(...c: unknown[]): { limit(n: number): { offset(n: number): Promise<Record<string, unknown>[]> } } } };
  insert(t: unknown): { values(rows: Record<string, unknown>[]): Promise<unknown> };
};

try {
  const counts = await withTransaction(dst, async (tx: Db) => {
    const copied: Record<string, number> = {};
    for (const name of ORDER) {
      const existing = await (tx as unknown as AnyDb).select().from(schemaOf(target.kind)[name]).orderBy().limit(1).offset(0);
      if (existing.length) throw new Error(`The target already has ${name}: db:copy only fills an empty database.`);
    }
    for (const name of ORDER) {
      const srcTable = schemaOf(source.kind)[name];
      const dstTable = schemaOf(target.kind)[name];
      const order = primaryColumns(source.kind, srcTable).map((c) => asc(c));
      copied[name] = 0;
      for (let offset = 0; ; offset += BATCH) {
        const batch = await (src as unknown as AnyDb)
          .select()
          .from(srcTable)
          .orderBy(...order)
          .limit(BATCH)
          .offset(offset);
        if (batch.length === 0) break;
        await (tx as unknown as AnyDb).insert(dstTable).values(batch);
        copied[name] += batch.length;
        if (batch.length < BATCH) break;
      }
    }
    if (target.kind === "pg") {
      // Ids were copied as they were: each identity continues after the largest.
      for (const name of ORDER) {
        const config = pgConfig(pgTables[name]!);
        if (!config.columns.some((c) => c.name === "id")) continue;
        await tx.execute(
          sql.raw(`SELECT setval(pg_get_serial_sequence('"${config.name}"', 'id'), COALESCE((SELECT MAX(id) FROM "${config.name}"), 0) + 1, false)`),
        );
      }
    }
    return copied;
  });
  for (const [name, n] of Object.entries(counts)) console.log(`${name.padEnd(22)} ${n}`);
  console.log(`Copied ${redact(from)} → ${redact(to)}. Check it: DATABASE_URL=${redact(to)} npm run verify`);
} finally {
  await closeDb(src);
  await closeDb(dst);
}
