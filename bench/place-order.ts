// Scenario 2: the placeOrder action in process (pay later, on a demo-seeded file database with the
// receivable_days triggers) against its floor, a raw better-sqlite3 transaction of three inserts.
// Between timed calls (untimed) the consumer's used credit and the stock are put back so every call
// is a real, accepted order.
import fs from "node:fs";
import os from "node:os";
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
// Floor: three inserts (an order-, a bill- and an instalment-sized row) in one raw immediate transaction.
const raw = db.$client;
raw.exec("CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, owner INTEGER NOT NULL, amount INTEGER NOT NULL, at INTEGER NOT NULL)");
const ins = raw.prepare("INSERT INTO bench_floor (kind, owner, amount, at) VALUES (?, ?, ?, ?)");
const floorTx = raw.transaction((i: number) => {
  ins.run("order", alice.id, i, Date.now());
  ins.run("bill", alice.id, i, Date.now());
  ins.run("instalment", alice.id, i, Date.now());
});
// What the schema alone costs: placeOrder's own writes (order, line, event, bill, three instalments with
// their nine indexes and the receivable_days trigger, stock, used credit, cart) as raw prepared statements
// in one immediate transaction, with none of the reads or rules. No code path can beat this.
const w = {
  order: raw.prepare("INSERT INTO orders (number, consumer_id, store_id, status, payment_method, plan_code, total_fen, shipping_name, shipping_phone, shipping_address, policy_version, idempotency_key, created_at, updated_at) VALUES (?, ?, ?, 'placed', 'pay_later', 'pay_in_3', ?, 'Alice Wu', '138 0013 8000', '88 Century Avenue', (SELECT MAX(version) FROM policy_versions), ?, ?, ?)"),
  line: raw.prepare("INSERT INTO order_lines (order_id, product_id, product_name, unit_price_fen, quantity) VALUES (?, ?, 'Nimbus Wireless Mouse', ?, 1)"),
  event: raw.prepare("INSERT INTO order_events (order_id, type, actor_user_id, amount_fen, created_at) VALUES (?, 'placed', ?, ?, ?)"),
  bill: raw.prepare("INSERT INTO bills (order_id, consumer_id, store_id, policy_version, plan_code, total_fen, status, created_at) VALUES (?, ?, ?, (SELECT MAX(version) FROM policy_versions), 'pay_in_3', ?, 'open', ?)"),
  instalments: raw.prepare("INSERT INTO instalments (bill_id, consumer_id, store_id, seq, due_date, overdue_on, amount_fen, state) VALUES (?, ?, ?, 1, '2099-01-01', '2099-01-04', ?, 'open'), (?, ?, ?, 2, '2099-02-01', '2099-02-04', ?, 'open'), (?, ?, ?, 3, '2099-03-01', '2099-03-04', ?, 'open')"),
  stock: raw.prepare("UPDATE products SET stock = stock - 1 WHERE id = ? AND stock >= 1"),
  credit: raw.prepare("UPDATE credit_profiles SET used_credit_fen = used_credit_fen + ?, updated_at = ? WHERE user_id = ?"),
  cart: raw.prepare("DELETE FROM cart_items WHERE user_id = ?"),
};
const writesTx = raw.transaction((i: number) => {
  const now = Date.now();
  w.stock.run(mouse.id);
  const orderId = w.order.run(`HF-BENCH-${i}`, alice.id, mouse.storeId, mouse.priceFen, `bench-raw-${i}`, now, now).lastInsertRowid;
  w.line.run(orderId, mouse.id, mouse.priceFen);
  w.event.run(orderId, alice.id, mouse.priceFen, now);
  const billId = w.bill.run(orderId, alice.id, mouse.storeId, mouse.priceFen, now).lastInsertRowid;
  const third = Math.floor(mouse.priceFen / 3);
  w.instalments.run(billId, alice.id, mouse.storeId, third, billId, alice.id, mouse.storeId, third, billId, alice.id, mouse.storeId, mouse.priceFen - 2 * third);
  w.credit.run(mouse.priceFen, now, alice.id);
  w.cart.run(alice.id);
});
// The three are interleaved, call by call, so that the machine's changing load falls on all of them alike.
const times: number[] = [];
const floor: number[] = [];
const writes: number[] = [];
const timed = (fn: () => unknown) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
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
  const placeMs = Number(process.hrtime.bigint() - start) / 1e6;
  const floorMs = timed(() => floorTx.immediate(i));
  const writesMs = timed(() => writesTx.immediate(i));
  if (i >= 5) {
    times.push(placeMs);
    floor.push(floorMs);
    writes.push(writesMs);
  }
}

const p50 = pct(times, 0.5);
const f50 = pct(floor, 0.5);
const w50 = pct(writes, 0.5);
const rows: Row[] = [
  { scenario: "place-order", metric: "floor: raw tx of 3 inserts p50", value: ms(f50), target: "—", met: null },
  { scenario: "place-order", metric: "placeOrder's writes alone, raw SQL, p50", value: ms(w50), target: "—", met: null },
  { scenario: "place-order", metric: "placeOrder (pay later, 3 instalments) p50", value: ms(p50), target: "—", met: null },
  { scenario: "place-order", metric: "placeOrder p99", value: ms(pct(times, 0.99)), target: "—", met: null },
  { scenario: "place-order", metric: "placeOrder / its raw writes (p50)", value: `${(p50 / w50).toFixed(2)}×`, target: "—", met: null },
  { scenario: "place-order", metric: "throughput ratio (floor p50 / placeOrder p50)", value: (f50 / p50).toFixed(3), target: "≥ 0.25", met: f50 / p50 >= 0.25 },
];
printTable(rows);
writeResults("place-order", rows, { database: file, n: N, loadAverage: os.loadavg() });
db.$client.close();
