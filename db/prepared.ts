import type { Db } from "./client";

/**
 * Builds something once per connection and hands it back on every later call: for hot paths, Drizzle
 * statements made with `.prepare()` (SQL generated and compiled by SQLite once, not on every call).
 * Keyed by the connection's Drizzle session, which a transaction shares with its database, so the same
 * statements serve `db` and `tx` alike (they run inside whatever transaction the connection has open).
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
