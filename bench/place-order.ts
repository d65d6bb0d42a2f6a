// Scenario 2: the placeOrder action in process (pay later, on a demo-seeded file database with the
// receivable_days triggers) against its floor, a raw better-sqlite3 transaction of three inserts.
// Between timed calls (untimed) the consumer's used credit and the stock are put back so every call
// is a real, accepted order.
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { migrateDb, openDb } from "@/db/client";
import { products, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { fixedClock } from "@/server/clock";
import { placeOrder } from "@/server/services/orders/place-order";
import { ms, printTable, writeResults, type Row } from "./lib";

const file = "data/bench-place.db";
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
const db = openDb(file);
migrateDb(db);
const at = new Date();
await seedDemo(db, at);
const clock = fixedClock(at);
const alice = db.select().from(users).where(eq(users.email, "alice@example.com")).get()!;
const mouse = db.select().from(products).where(eq(products.name, "Nimbus Wireless Mouse")).get()!;
const N = Number(process.env.BENCH_N ?? 300);

const pct = (t: number[], q: number) => [...t].sort((a, b) => a - b)[Math.min(t.length - 1, Math.floor(q * t.length))]!;
const times: number[] = [];
for (let i = 0; i < N + 5; i++) {
  db.run(sql`UPDATE credit_profiles SET used_credit_fen = 0 WHERE user_id = ${alice.id}`);
  db.run(sql`UPDATE products SET stock = 1000 WHERE id = ${mouse.id}`);
  const start = process.hrtime.bigint();
  await placeOrder(db, clock, {
    consumerId: alice.id,
    idempotencyKey: `bench-place-${i}-${Date.now()}`,
    lines: [{ productId: mouse.id, quantity: 1 }],
    shipping: { shippingName: "Alice Wu", shippingPhone: "138 0013 8000", shippingAddress: "88 Century Avenue, Pudong, Shanghai" },
    payment: { method: "pay_later", planCode: "pay_in_3" },
  } as never);
  if (i >= 5) times.push(Number(process.hrtime.bigint() - start) / 1e6);
}

// Floor: three inserts (an order-, a bill- and an instalment-sized row) in one raw immediate transaction.
const raw = db.$client;
raw.exec("CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, owner INTEGER NOT NULL, amount INTEGER NOT NULL, at INTEGER NOT NULL)");
const ins = raw.prepare("INSERT INTO bench_floor (kind, owner, amount, at) VALUES (?, ?, ?, ?)");
const floorTx = raw.transaction((i: number) => {
  ins.run("order", alice.id, i, Date.now());
  ins.run("bill", alice.id, i, Date.now());
  ins.run("instalment", alice.id, i, Date.now());
});
const floor: number[] = [];
for (let i = 0; i < N + 5; i++) {
  const start = process.hrtime.bigint();
  floorTx.immediate(i);
  if (i >= 5) floor.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const p50 = pct(times, 0.5);
const f50 = pct(floor, 0.5);
const rows: Row[] = [
  { scenario: "place-order", metric: "floor: raw tx of 3 inserts p50", value: ms(f50), target: "—", met: null },
  { scenario: "place-order", metric: "placeOrder (pay later, 3 instalments) p50", value: ms(p50), target: "—", met: null },
  { scenario: "place-order", metric: "placeOrder p99", value: ms(pct(times, 0.99)), target: "—", met: null },
  { scenario: "place-order", metric: "throughput ratio (floor p50 / placeOrder p50)", value: (f50 / p50).toFixed(2), target: "≥ 0.25", met: f50 / p50 >= 0.25 },
];
printTable(rows);
writeResults("place-order", rows, { database: file, n: N });
db.$client.close();
