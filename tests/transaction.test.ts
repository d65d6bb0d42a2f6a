// The transaction port on the run's engine: all or nothing, no lost update under real concurrency, nested
// calls join the open transaction.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectionOf, openDb } from "@/db/client";
import { first } from "@/db/query";
import { jobLeases } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Db } from "@/db/client";
import { wantsPostgres } from "./engines";
import { databaseUrlOf, freshDb, secondConnection } from "./helpers";

const counter = async (db: Db) => Number((await first(db.select().from(jobLeases).where(eq(jobLeases.name, "counter"))))?.holder ?? NaN);

async function increment(db: Db) {
  await withTransaction(db, async (tx) => {
    const n = await counter(tx);
    await new Promise((resolve) => setTimeout(resolve, 1)); // let the others in between the read and the write
    await tx
      .update(jobLeases)
      .set({ holder: String(n + 1) })
      .where(eq(jobLeases.name, "counter"));
  });
}

describe("withTransaction", () => {
  it("writes nothing when its body fails", async () => {
    const db = await freshDb();
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(jobLeases).values({ name: "half", holder: "x", expiresAt: new Date(0) });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await first(db.select().from(jobLeases))).toBeUndefined();
  });

  it("loses no update when many read-then-write transactions race on two connections", async () => {
    const db = await freshDb();
    const other = secondConnection(db);
    await withTransaction(db, (tx) => tx.insert(jobLeases).values({ name: "counter", holder: "0", expiresAt: new Date(0) }));
    await Promise.all(Array.from({ length: 24 }, (_, i) => increment(i % 2 ? db : other)));
    expect(await counter(db)).toBe(24);
  });

  it("joins the open transaction when called with it, so an outer failure undoes the inner write", async () => {
    const db = await freshDb();
    await expect(
      withTransaction(db, async (tx) => {
        await withTransaction(tx, (inner) => inner.insert(jobLeases).values({ name: "inner", holder: "x", expiresAt: new Date(0) }));
        expect(await first(tx.select().from(jobLeases))).toMatchObject({ name: "inner" });
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(await first(db.select().from(jobLeases))).toBeUndefined();
  });

  it("returns what its body returns once committed, visible to the next reader", async () => {
    const db = await freshDb();
    const name = await withTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(jobLeases)
        .values({ name: "kept", holder: "h", expiresAt: new Date(86_400_000) })
        .returning();
      return row!.name;
    });
    expect(name).toBe("kept");
    expect(await first(secondConnection(db).select().from(jobLeases))).toMatchObject({ name: "kept", expiresAt: new Date(86_400_000) });
  });

  // PostgreSQL only: SQLite has no pool.
  if (wantsPostgres())
    it("gives its connection back to the pool when the connection is cut before BEGIN, so the server neither hangs nor fails to shut down", async () => {
      const url = new URL(databaseUrlOf(await freshDb()));
      url.searchParams.set("pool_size", "1");
      const db = openDb(url.toString());
      const connection = connectionOf(db);
      if (connection.kind !== "pg") throw new Error("expected PostgreSQL");
      const { pool } = connection;
      // The next client handed out has lost its socket between checkout and BEGIN (a network cut, a restart).
      const connect = pool.connect.bind(pool) as () => Promise<import("pg").PoolClient>;
      pool.connect = (async () => {
        pool.connect = connect as typeof pool.connect;
        const client = await connect();
        (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        return client;
      }) as typeof pool.connect;

      await expect(withTransaction(db, (tx) => tx.insert(jobLeases).values({ name: "cut", holder: "x", expiresAt: new Date(0) }))).rejects.toThrow();
      expect(pool.totalCount - pool.idleCount).toBe(0); // nothing is left checked out
      // The pool's one slot is free again: the next transaction runs and commits.
      await withTransaction(db, (tx) => tx.insert(jobLeases).values({ name: "after", holder: "x", expiresAt: new Date(0) }));
      expect(await first(db.select().from(jobLeases))).toMatchObject({ name: "after" });
      await pool.end(); // resolves only once every client is back
    });
});
