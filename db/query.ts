// Raw SQL on either engine, and the first row of a query. Column aliases in raw SQL are double-quoted
// ("consumerId") so PostgreSQL keeps their case.
import type { SQL } from "drizzle-orm";
import type { Db } from "./client";
import { isPg } from "./engine";

type SqliteLike = { all<T>(query: SQL): T[]; run(query: SQL): unknown };

/** Every row of a raw query. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (isPg()) return (await db.execute(query)).rows as T[];
  return (db as unknown as SqliteLike).all<T>(query);
}

/** The first row of a raw query, if any. */
export async function row<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** Runs a raw statement for its effect. */
export async function exec(db: Db, query: SQL): Promise<void> {
  if (isPg()) await db.execute(query);
  else (db as unknown as SqliteLike).run(query);
}

/** The first row a query builder returns (add `.limit(1)` where more could match). */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}
