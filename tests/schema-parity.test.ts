// The two engines' schemas are one design: same tables, columns, nullability, defaults, keys, indexes and
// constraints. Types may differ only where each engine has its natural one (instants, booleans, JSON, dates).
import { is, SQL } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pgSchema from "@/db/schema/pg";
import * as sqliteSchema from "@/db/schema/sqlite";
import { COPY_ORDER, DERIVED_TABLES } from "@/scripts/db-copy-order";

// Each engine's column type, as the kind of value it holds.
const KIND: Record<string, string> = {
  SQLiteInteger: "integer",
  PgInteger: "integer",
  SQLiteText: "text",
  PgText: "text",
  PgDateString: "text", // a calendar date: "YYYY-MM-DD" text on SQLite, `date` on PostgreSQL
  SQLiteTimestamp: "instant",
  PgTimestamp: "instant",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteTextJson: "json",
  PgJsonb: "json",
};

const sqlText = (value: unknown) =>
  is(value, SQL)
    ? value.queryChunks.map((c) => (typeof c === "object" && c && "value" in c ? (c.value as string[]).join("") : String(c))).join("")
    : value;

type Config = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

function describeTable(config: Config) {
  const columns = Object.fromEntries(
    config.columns.map((c) => {
      const kind = KIND[c.columnType];
      if (!kind) throw new Error(`No kind for column type ${c.columnType} (${config.name}.${c.name})`);
      return [
        c.name,
        {
          kind,
          notNull: c.notNull,
          primary: c.primary,
          // SQLite's INTEGER PRIMARY KEY always "has a default" (the rowid); what matters is whether ids are generated.
          hasDefault: c.primary ? undefined : c.hasDefault,
          generatedId: "autoIncrement" in c ? Boolean(c.autoIncrement) : Boolean((c as { generatedIdentity?: unknown }).generatedIdentity),
          default: sqlText(c.default),
          enumValues: c.enumValues ?? null,
        },
      ];
    }),
  );
  const indexes = config.indexes
    .map((i) => ({
      name: i.config.name,
      unique: i.config.unique,
      columns: i.config.columns.map((c) => ("name" in c ? c.name : sqlText(c))),
      where: i.config.where ? sqlText(i.config.where) : null,
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const primaryKeys = config.primaryKeys.map((pk) => pk.columns.map((c) => c.name));
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      return `${ref.columns.map((c) => c.name).join(",")} -> ${pgOrSqliteName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(",")})`;
    })
    .sort();
  return { columns, indexes, primaryKeys, foreignKeys, uniques: config.uniqueConstraints.length, checks: config.checks.length };
}

const pgOrSqliteName = (table: unknown) => (is(table, PgTable) ? pgConfig(table).name : sqliteConfig(table as SQLiteTable).name);

const tablesOf = <T>(schema: Record<string, unknown>, kind: new (...args: never[]) => T) =>
  Object.fromEntries(Object.entries(schema).filter(([, v]) => is(v, kind as never)));

describe("the SQLite and PostgreSQL schemas", () => {
  const pgTables = tablesOf(pgSchema, PgTable);
  const sqliteTables = tablesOf(sqliteSchema, SQLiteTable);

  it("have the same tables", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(pgTables).length).toBeGreaterThan(20);
  });

  for (const name of Object.keys(sqliteTables)) {
    it(`define ${name} alike`, () => {
      const sqlite = describeTable(sqliteConfig(sqliteTables[name] as SQLiteTable));
      const pg = describeTable(pgConfig(pgTables[name] as PgTable));
      expect(pg).toEqual(sqlite);
    });
  }
});

describe("db:copy", () => {
  it("knows where every table goes, parents before children", () => {
    const tables = tablesOf(sqliteSchema, SQLiteTable);
    const place = (name: string) => (COPY_ORDER as readonly string[]).indexOf(name);
    expect(Object.keys(tables).filter((name) => place(name) < 0 && !DERIVED_TABLES.includes(name))).toEqual([]);
    const nameOf = Object.fromEntries(Object.entries(tables).map(([key, table]) => [sqliteConfig(table as SQLiteTable).name, key]));
    for (const [name, table] of Object.entries(tables)) {
      for (const fk of sqliteConfig(table as SQLiteTable).foreignKeys) {
        const parent = nameOf[sqliteConfig(fk.reference().foreignTable).name]!;
        if (parent !== name) expect(place(parent), `${name} references ${parent}`).toBeLessThan(place(name));
      }
    }
  });
});
