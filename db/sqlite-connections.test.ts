// SQLite only: reads outside transactions use a read-only connection, so a write that bypasses the
// transaction port (and its mutex) fails loudly instead of racing an open transaction.
import { describe, expect, it } from "vitest";
import { connectionOf } from "@/db/client";
import { jobLeases } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { freshDb } from "@/tests/helpers";

describe("the SQLite connections", () => {
  it("refuse a write outside a transaction and accept it inside one", async () => {
    const db = await freshDb();
    const connection = connectionOf(db);
    expect(connection.kind).toBe("sqlite");
    await expect(Promise.resolve().then(() => db.insert(jobLeases).values({ name: "x", holder: "h", expiresAt: new Date(0) }))).rejects.toThrow(
      /readonly/,
    );
    await withTransaction(db, (tx) => tx.insert(jobLeases).values({ name: "x", holder: "h", expiresAt: new Date(0) }));
    expect(await db.select().from(jobLeases)).toHaveLength(1);
  });

  it("keep other transactions waiting while one is open", async () => {
    const db = await freshDb();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const a = withTransaction(db, async () => {
      order.push("a begins");
      await firstHeld;
      order.push("a commits");
    });
    const b = withTransaction(db, async () => {
      order.push("b runs");
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(["a begins"]);
    releaseFirst();
    await Promise.all([a, b]);
    expect(order).toEqual(["a begins", "a commits", "b runs"]);
  });
});
