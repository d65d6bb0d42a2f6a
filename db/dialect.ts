// The few places SQLite and PostgreSQL spell SQL differently, in one file. Everything else in raw SQL is
// written in the dialect both accept (CASE, COALESCE, ||, window functions, UPDATE … FROM, RETURNING).
import { sql, type SQL } from "drizzle-orm";
import { isPg } from "./engine";

/** The smallest of its arguments (SQLite's scalar min, PostgreSQL's least). */
export const least = (...args: SQL[]) => sql`${sql.raw(isPg() ? "least" : "min")}(${sql.join(args, sql`, `)})`;
/** The largest of its arguments. */
export const greatest = (...args: SQL[]) => sql`${sql.raw(isPg() ? "greatest" : "max")}(${sql.join(args, sql`, `)})`;

/** Whole days from calendar date `earlier` to `later` ("YYYY-MM-DD" values or date columns). */
export const daysBetween = (later: SQL, earlier: SQL) =>
  isPg() ? sql`((${later})::date - (${earlier})::date)` : sql`CAST(julianday(${later}) - julianday(${earlier}) AS INTEGER)`;

/** A calendar date parameter, typed as a date where the engine has one. */
export const calendarDate = (day: string) => (isPg() ? sql`${day}::date` : sql`${day}`);

/** An instant as a parameter in the engine's timestamp representation (epoch ms on SQLite). */
export const instant = (at: Date) => (isPg() ? sql`${at.toISOString()}::timestamptz` : sql`${at.getTime()}`);

/** An instant read back from raw SQL (epoch ms on SQLite, a timestamp on PostgreSQL). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  return new Date(String(value));
}

/** A boolean literal. */
export const bool = (value: boolean) => sql.raw(isPg() ? String(value) : value ? "1" : "0");

/** `column IN ids` with the whole list as one parameter (a JSON array on SQLite, an int[] on PostgreSQL). */
export function inIds(column: SQL, ids: readonly number[]): SQL {
  assertIntegers(ids);
  return isPg() ? sql`${column} = ANY(${`{${ids.join(",")}}`}::int[])` : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** A derived table of integer rows, columns named column1, column2, … on both engines. */
export function integerRows(rows: readonly (readonly number[])[]): SQL {
  for (const r of rows) assertIntegers(r);
  return sql.raw(`(VALUES ${rows.map((r) => `(${r.join(", ")})`).join(", ")})`);
}

/** A table (and its alias), with SQLite's index hint where the planner needs one (PostgreSQL plans from statistics). */
export const indexedBy = (table: string, index: string, alias = "") => {
  const named = alias ? `${table} ${alias}` : table;
  return sql.raw(isPg() ? named : `${named} INDEXED BY ${index}`);
};

/** Row locks for a read that a write depends on (SQLite's transactions already hold the whole database). */
export const forUpdate = () => sql.raw(isPg() ? " FOR UPDATE" : "");

function assertIntegers(values: readonly number[]): void {
  for (const v of values) if (!Number.isSafeInteger(v)) throw new Error(`Expected whole numbers, got ${v}`);
}

/** A column of selectJsonRows; a "json" value travels as its JSON text (JSON.stringify) and lands as jsonb on PostgreSQL. */
export type JsonColumn = { name: string; type: "integer" | "text" | "instant" | "json" };

/**
 * `SELECT … FROM` many rows passed as ONE JSON parameter, typed per column: a set-based insert of thousands of
 * rows without a statement of thousands of parameters (SQLite json_each, PostgreSQL jsonb_array_elements).
 * Instants are Dates. Ends in `WHERE true`, so that SQLite reads an ON CONFLICT after it as an upsert.
 */
export function selectJsonRows(rows: readonly (readonly (number | string | Date | null)[])[], columns: readonly JsonColumn[]): SQL {
  const pg = isPg();
  const json = JSON.stringify(rows.map((r) => r.map((v) => (v instanceof Date ? (pg ? v.toISOString() : v.getTime()) : v))));
  const cast = { integer: "integer", text: "text", instant: "timestamptz", json: "jsonb" } as const;
  const list = columns.map((c, i) => (pg ? `(e.value ->> ${i})::${cast[c.type]} AS ${c.name}` : `value ->> ${i} AS ${c.name}`)).join(", ");
  return pg
    ? sql`SELECT ${sql.raw(list)} FROM jsonb_array_elements(${json}::jsonb) AS e(value) WHERE true`
    : sql`SELECT ${sql.raw(list)} FROM json_each(${json}) WHERE true`;
}
