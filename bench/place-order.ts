// Scenario 2: the placeOrder action in process (pay later, on a demo-seeded database with the receivable_days
// triggers) against its floor, a raw transaction of three inserts. SQLite: a file of its own (data/bench-place.db),
// raw better-sqlite3 statements on the writer connection. PostgreSQL: DATABASE_URL's database, emptied and reseeded
// (on this machine unless --force), raw statements on a client of the pool in SERIALIZABLE transactions, as the app's.
// Between timed calls (untimed) the consumer's used credit and the stock are put back so every call
// is a real, accepted order.
import fs from "node:fs";
import os from "node:os";
import type Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import type pg from "pg";
import { closeDb, connectionOf, migrateDb, openDb } from "@/db/client";
import { parseDatabaseUrl } from "@/db/engine";
import { exec, first } from "@/db/query";
import { products, users } from "@/db/schema";
import { seedDemo, wipeDatabase } from "@/scripts/seed/demo";
import { withTransaction } from "@/db/transaction";
import { databaseArg, describeDatabase, refuseRemote } from "@/scripts/database";
import { fixedClock } from "@/server/clock";
import { placeOrder } from "@/server/services/orders/place-order";
import { ms, printTable, writeResults, type Row } from "./lib";

const url = databaseArg(undefined, "data/bench-place.db");
const config = parseDatabaseUrl(url);
if (config.kind === "sqlite") for (const f of [config.file, `${config.file}-wal`, `${config.file}-shm`]) fs.rmSync(f, { force: true });
else refuseRemote(url, "empty and reseed");
const db = openDb(url);
await migrateDb(db);
if (config.kind === "pg") await wipeDatabase(db);
const at = new Date();
await seedDemo(db, at);
const clock = fixedClock(at);
const alice = (await first(db.select().from(users).where(eq(users.email, "alice@example.com")).limit(1)))!;
const mouse = (await first(db.select().from(products).where(eq(products.name, "Nimbus Wireless Mouse")).limit(1)))!;
const N = Number(process.env.BENCH_N ?? 300);

const pct = (t: number[], q: number) => [...t].sort((a, b) => a - b)[Math.min(t.length - 1, Math.floor(q * t.length))]!;

/** The two floors, call by call: `floor` (three inserts) and `writes` (placeOrder's own writes, raw). */
type Floors = { floor: (i: number) => Promise<unknown>; writes: (i: number) => Promise<unknown>; close: () => Promise<void> };

// Floor: three inserts (an order-, a bill- and an instalment-sized row) in one raw immediate transaction.
// Nothing else uses the writer connection meanwhile (every call here is awaited in turn), so no lock is taken.
function sqliteFloors(raw: Database.Database): Floors {
  raw.exec(
    "CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, owner INTEGER NOT NULL, amount INTEGER NOT NULL, at INTEGER NOT NULL)",
  );
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
    order: raw.prepare(
      "INSERT INTO orders (number, consumer_id, store_id, status, payment_method, plan_code, total_fen, shipping_name, shipping_phone, shipping_address, policy_version, idempotency_key, created_at, updated_at) VALUES (?, ?, ?, 'placed', 'pay_later', 'pay_in_3', ?, 'Alice Wu', '138 0013 8000', '88 Century Avenue', (SELECT MAX(version) FROM policy_versions), ?, ?, ?)",
    ),
    line: raw.prepare(
      "INSERT INTO order_lines (order_id, product_id, product_name, unit_price_fen, quantity) VALUES (?, ?, 'Nimbus Wireless Mouse', ?, 1)",
    ),
    event: raw.prepare("INSERT INTO order_events (order_id, type, actor_user_id, amount_fen, created_at) VALUES (?, 'placed', ?, ?, ?)"),
    bill: raw.prepare(
      "INSERT INTO bills (order_id, consumer_id, store_id, policy_version, plan_code, total_fen, status, created_at) VALUES (?, ?, ?, (SELECT MAX(version) FROM policy_versions), 'pay_in_3', ?, 'open', ?)",
    ),
    instalments: raw.prepare(
      "INSERT INTO instalments (bill_id, consumer_id, store_id, seq, due_date, overdue_on, amount_fen, state) VALUES (?, ?, ?, 1, '2099-01-01', '2099-01-04', ?, 'open'), (?, ?, ?, 2, '2099-02-01', '2099-02-04', ?, 'open'), (?, ?, ?, 3, '2099-03-01', '2099-03-04', ?, 'open')",
    ),
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
    w.instalments.run(
      billId,
      alice.id,
      mouse.storeId,
      third,
      billId,
      alice.id,
      mouse.storeId,
      third,
      billId,
      alice.id,
      mouse.storeId,
      mouse.priceFen - 2 * third,
    );
    w.credit.run(mouse.priceFen, now, alice.id);
    w.cart.run(alice.id);
  });
  return { floor: async (i) => floorTx.immediate(i), writes: async (i) => writesTx.immediate(i), close: async () => undefined };
}

// The same floors on PostgreSQL: a client from the pool per transaction (as withTransaction takes one), SERIALIZABLE
// (as the app's), and named statements, prepared once per connection.
async function pgFloors(pool: pg.Pool): Promise<Floors> {
  await pool.query("DROP TABLE IF EXISTS bench_floor");
  await pool.query(
    "CREATE TABLE bench_floor (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, kind text NOT NULL, owner integer NOT NULL, amount integer NOT NULL, at timestamptz NOT NULL)",
  );
  const transaction = async (body: (client: pg.PoolClient) => Promise<void>) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
      await body(client);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const run = (client: pg.PoolClient, name: string, text: string, values: unknown[]) =>
    client.query<{ id: number }>({ name: `bench_${name}`, text, values });
  const floor = (i: number) =>
    transaction(async (c) => {
      for (const kind of ["order", "bill", "instalment"])
        await run(c, "floor", "INSERT INTO bench_floor (kind, owner, amount, at) VALUES ($1, $2, $3, $4)", [kind, alice.id, i, new Date()]);
    });
  const writes = (i: number) =>
    transaction(async (c) => {
      const now = new Date();
      await run(c, "stock", "UPDATE products SET stock = stock - 1 WHERE id = $1 AND stock >= 1", [mouse.id]);
      const order = await run(
        c,
        "order",
        "INSERT INTO orders (number, consumer_id, store_id, status, payment_method, plan_code, total_fen, shipping_name, shipping_phone, shipping_address, policy_version, idempotency_key, created_at, updated_at) VALUES ($1, $2, $3, 'placed', 'pay_later', 'pay_in_3', $4, 'Alice Wu', '138 0013 8000', '88 Century Avenue', (SELECT MAX(version) FROM policy_versions), $5, $6, $7) RETURNING id",
        [`HF-BENCH-${i}`, alice.id, mouse.storeId, mouse.priceFen, `bench-raw-${i}`, now, now],
      );
      const orderId = order.rows[0]!.id;
      await run(
        c,
        "line",
        "INSERT INTO order_lines (order_id, product_id, product_name, unit_price_fen, quantity) VALUES ($1, $2, 'Nimbus Wireless Mouse', $3, 1)",
        [orderId, mouse.id, mouse.priceFen],
      );
      await run(c, "event", "INSERT INTO order_events (order_id, type, actor_user_id, amount_fen, created_at) VALUES ($1, 'placed', $2, $3, $4)", [
        orderId,
        alice.id,
        mouse.priceFen,
        now,
      ]);
      const bill = await run(
        c,
        "bill",
        "INSERT INTO bills (order_id, consumer_id, store_id, policy_version, plan_code, total_fen, status, created_at) VALUES ($1, $2, $3, (SELECT MAX(version) FROM policy_versions), 'pay_in_3', $4, 'open', $5) RETURNING id",
        [orderId, alice.id, mouse.storeId, mouse.priceFen, now],
      );
      const billId = bill.rows[0]!.id;
      const third = Math.floor(mouse.priceFen / 3);
      await run(
        c,
        "instalments",
        "INSERT INTO instalments (bill_id, consumer_id, store_id, seq, due_date, overdue_on, amount_fen, state) VALUES ($1, $2, $3, 1, '2099-01-01', '2099-01-04', $4, 'open'), ($5, $6, $7, 2, '2099-02-01', '2099-02-04', $8, 'open'), ($9, $10, $11, 3, '2099-03-01', '2099-03-04', $12, 'open')",
        [billId, alice.id, mouse.storeId, third, billId, alice.id, mouse.storeId, third, billId, alice.id, mouse.storeId, mouse.priceFen - 2 * third],
      );
      await run(c, "credit", "UPDATE credit_profiles SET used_credit_fen = used_credit_fen + $1, updated_at = $2 WHERE user_id = $3", [
        mouse.priceFen,
        now,
        alice.id,
      ]);
      await run(c, "cart", "DELETE FROM cart_items WHERE user_id = $1", [alice.id]);
    });
  return { floor, writes, close: async () => void (await pool.query("DROP TABLE bench_floor")) };
}

const connection = connectionOf(db);
const floors = connection.kind === "sqlite" ? sqliteFloors(connection.writer) : await pgFloors(connection.pool);
// The three are interleaved, call by call, so that the machine's changing load falls on all of them alike.
const times: number[] = [];
const floor: number[] = [];
const writes: number[] = [];
const timed = async (fn: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
for (let i = 0; i < N + 5; i++) {
  await withTransaction(db, async (tx) => {
    await exec(tx, sql`UPDATE credit_profiles SET used_credit_fen = 0 WHERE user_id = ${alice.id}`);
    await exec(tx, sql`UPDATE products SET stock = 1000 WHERE id = ${mouse.id}`);
  });
  const start = process.hrtime.bigint();
  await placeOrder(db, clock, {
    consumerId: alice.id,
    idempotencyKey: `bench-place-${i}-${Date.now()}`,
    lines: [{ productId: mouse.id, quantity: 1 }],
    shipping: { shippingName: "Alice Wu", shippingPhone: "138 0013 8000", shippingAddress: "88 Century Avenue, Pudong, Shanghai" },
    payment: { method: "pay_later", planCode: "pay_in_3" },
    expectedTotalFen: mouse.priceFen,
  } as never);
  const placeMs = Number(process.hrtime.bigint() - start) / 1e6;
  const floorMs = await timed(() => floors.floor(i));
  const writesMs = await timed(() => floors.writes(i));
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
  {
    scenario: "place-order",
    metric: "throughput ratio (floor p50 / placeOrder p50)",
    value: (f50 / p50).toFixed(3),
    target: "≥ 0.25",
    met: f50 / p50 >= 0.25,
  },
];
printTable(rows);
writeResults("place-order", rows, { database: describeDatabase(url), n: N, loadAverage: os.loadavg() });
await floors.close();
await closeDb(db);
