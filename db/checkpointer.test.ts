import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startBackgroundCheckpoints } from "./checkpointer";
import { closeDb, connectionOf, openDb } from "./client";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("background WAL checkpoints", () => {
  it("copy committed pages into the database file while the app's connection never checkpoints", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "houfu-ckpt-"));
    dirs.push(dir);
    const file = path.join(dir, "app.db");
    const db = openDb(`file:${file}`);
    const connection = connectionOf(db);
    if (connection.kind !== "sqlite") throw new Error("SQLite only");
    const app = connection.writer;
    app.pragma("wal_autocheckpoint = 0");
    app.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    const insert = app.prepare("INSERT INTO t (body) VALUES (?)");
    for (let i = 0; i < 200; i++) insert.run("x".repeat(2000));
    const before = fs.statSync(file).size;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(200 * 2000);

    const errors: string[] = [];
    const worker = startBackgroundCheckpoints(file, (m) => errors.push(m), 50);
    try {
      let after = before;
      for (let i = 0; i < 100 && after < 200 * 2000; i++) {
        await new Promise((r) => setTimeout(r, 50));
        after = fs.statSync(file).size;
      }
      expect(errors).toEqual([]);
      expect(after).toBeGreaterThan(200 * 2000);
      // The app keeps reading and writing as before.
      insert.run("after");
      expect(app.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({ n: 201 });
    } finally {
      await worker.terminate();
      await closeDb(db);
    }
  });
});
