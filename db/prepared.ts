import type { Db } from "./client";

/**
 * Builds something once per connection and hands it back on every later call: for hot paths, Drizzle
 * statements made with `.prepare("unique_name")` (SQL generated once, not on every call) and run with
 * `await statement.execute({...})`. Keyed by the handle's Drizzle session:
 * - SQLite: the read connection and the writer have one session each for the life of the process, and every
 *   transaction runs on the writer's, so SQLite compiles each statement once per connection.
 * - PostgreSQL: the pool has one session and each pooled client one of its own (db/transaction.ts keeps one
 *   handle per client), so a transaction's statements run on the client it checked out; they are built once per
 *   client and the server parses each named statement once per connection. node-postgres
 *   refuses one name for two SQL texts, so every name must be unique to its SQL (a row count in the name of a
 *   multi-row insert).
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    const key = (db as unknown as { session: object }).session;
    let value = cache.get(key);
    if (value === undefined) {
      value = build(db);
      cache.set(key, value);
    }
    return value;
  };
}
