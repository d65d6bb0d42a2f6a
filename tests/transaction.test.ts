// The transaction port on the run's engine: all or nothing, no lost update under real concurrency, nested
// calls join the open transaction.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { first } from "@/db/query";
import { jobLeases } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Db } from "@/db/client";
import { freshDb, secondConnection } from "./helpers";

const counter = async (db: Db) => Number((await first(db.select().from(jobLeases).where(eq(jobLeases.name, "counter"))))?.holder ?? NaN);

async function increment(db: Db) {
  await withTransaction(db, async (tx) => {
    const n = await counter(tx);
    await new Promise((resolve) => setTimeout(resolve, 1)); // let the others in between the read and the write
    await tx.update(jobLeases).set({ holder: String(n + 1) }).where(eq(jobLeases.name, "counter"));
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
      const [row] = await tx.insert(jobLeases).values({ name: "kept", holder: "h", expiresAt: new Date(86_400_000) }).returning();
      return row!.name;
    });
    expect(name).toBe("kept");
    expect(await first(secondConnection(db).select().from(jobLeases))).toMatchObject({ name: "kept", expiresAt: new Date(86_400_000) });
  });
});
