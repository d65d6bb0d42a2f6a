// `npm run seed:large -- --merchants 50 --consumers 100000 --orders 1000000 [--seed 42] [--db data/large.db] [--force]`
// A large, realistic data set: a few big merchants and a long tail, both plans, every instalment state, due dates
// spread over the last year. SQLite: in its own database file (--db, default data/large.db); PostgreSQL: in
// DATABASE_URL's database, emptied first (on this machine unless --force). Multi-row inserts in large transactions.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { sql } from "drizzle-orm";
import { closeDb, connectionOf, migrateDb, openDb, type Db } from "@/db/client";
import { AGREEMENT_V1 } from "@/db/agreement";
import { integerRows } from "@/db/dialect";
import { parseDatabaseUrl } from "@/db/engine";
import { exec, first, row } from "@/db/query";
import {
  agreementAcceptances,
  agreements,
  bills,
  creditEvents,
  creditProfiles,
  instalments,
  orderLines,
  orders,
  paymentAllocations,
  payments,
  policyVersions,
  products,
  stores,
  users,
} from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { hashPassword } from "@/server/auth/password";
import { localDate } from "@/server/calendar";
import { buildSchedule, type ScheduledInstalment } from "@/server/domain/instalments";
import { DEFAULT_POLICY, findPlan } from "@/server/domain/policy";
import { DEMO_PASSWORD, wipeDatabase } from "@/scripts/seed/demo";
import { databaseArg, describeDatabase, refuseRemote } from "./database";

const { values } = parseArgs({
  options: {
    merchants: { type: "string", default: "50" },
    consumers: { type: "string", default: "100000" },
    orders: { type: "string", default: "1000000" },
    seed: { type: "string", default: "42" },
    db: { type: "string" },
    force: { type: "boolean", default: false },
  },
});
const MERCHANTS = Number(values.merchants);
const CONSUMERS = Number(values.consumers);
const ORDERS = Number(values.orders);
const url = databaseArg(values.db, "data/large.db");

// mulberry32: a small deterministic generator, so --seed reproduces the same data.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (n: number) => Math.floor(random() * n);

const config = parseDatabaseUrl(url);
if (config.kind === "sqlite") for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(config.file + suffix, { force: true });
else refuseRemote(url, "empty");
const db = openDb(url);
await migrateDb(db);
const connection = connectionOf(db);
if (connection.kind === "pg") await wipeDatabase(db);
// SQLite: no fsync while the file is written (a crash leaves only a half-made data set to make again).
else connection.writer.pragma("synchronous = OFF");

const now = new Date();
const today = localDate(now);
const DAY = 86_400_000;
const passwordHash = await hashPassword(DEMO_PASSWORD);
const policy = DEFAULT_POLICY;

const bar = new SingleBar(
  { format: "{task} |{bar}| {percentage}% {value}/{total} {rate}/s ETA {eta_formatted}", hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
  Presets.shades_classic,
);
function progress(task: string, total: number) {
  const started = Date.now();
  bar.start(total, 0, { task: task.padEnd(10), rate: "0" });
  return {
    tick: (value: number) => bar.update(value, { rate: Math.round(value / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString("en") }),
    stop: () => bar.stop(),
  };
}

// Rows to one INSERT: at most 16 columns × 1,000 parameters, within SQLite's 32,766 and PostgreSQL's 65,535.
const CHUNK = 1_000;
/** Inserts `rows` a chunk to a statement; returns what the statements returned, in order. */
async function insertChunks<V, R>(rows: V[], insert: (chunk: V[]) => PromiseLike<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await insert(rows.slice(i, i + CHUNK))));
  return out;
}
/** The same, for inserts that return nothing. */
async function insertAll<V>(rows: V[], insert: (chunk: V[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}
const byKey = <R, K>(rows: R[], key: (r: R) => K, id: (r: R) => number) => new Map(rows.map((r) => [key(r), id(r)]));

// Every random draw happens outside the transactions, in the same order as ever (--seed gives the same data), and
// the transactions only write what was drawn: on PostgreSQL a transaction's body may run more than once.
const created = new Date(now.getTime() - 400 * DAY);
await withTransaction(db, async (tx) => {
  const admin = (await first(
    tx
      .insert(users)
      .values({ email: "admin@example.com", name: "Houfu Admin", passwordHash, role: "admin", createdAt: created })
      .returning({ id: users.id }),
  ))!;
  await tx.insert(policyVersions).values({ version: 1, params: policy, note: "Initial policy", authorUserId: admin.id, createdAt: created });
  await tx.insert(agreements).values({ ...AGREEMENT_V1, createdAt: created });
});

// Merchants: sizes follow a Zipf-like curve, so merchant 1 is much larger than the tail.
const merchants = Array.from({ length: MERCHANTS }, (_, i) => ({
  m: i + 1,
  prices: Array.from({ length: 20 }, () => (19 + pick(3000)) * 100 + pick(100)),
}));
const { storeIds, productsByStore } = await withTransaction(db, async (tx) => {
  const owners = await insertChunks(merchants, (chunk) =>
    tx
      .insert(users)
      .values(
        chunk.map(({ m }) => ({
          email: `merchant${m}@example.com`,
          name: `Merchant ${m}`,
          passwordHash,
          role: "merchant" as const,
          createdAt: created,
        })),
      )
      .returning({ id: users.id, email: users.email }),
  );
  const ownerIds = byKey(
    owners,
    (o) => o.email,
    (o) => o.id,
  );
  const storeRows = await insertChunks(merchants, (chunk) =>
    tx
      .insert(stores)
      .values(
        chunk.map(({ m }) => ({
          ownerUserId: ownerIds.get(`merchant${m}@example.com`)!,
          slug: `store-${m}`,
          name: `Store ${m}`,
          description: "",
          category: "General",
          active: true,
          payLaterEnabled: true,
          payLaterForcedOff: false,
          createdAt: created,
        })),
      )
      .returning({ id: stores.id, slug: stores.slug }),
  );
  const storeIdOf = byKey(
    storeRows,
    (s) => s.slug,
    (s) => s.id,
  );
  const storeIds = merchants.map(({ m }) => storeIdOf.get(`store-${m}`)!);
  const items = merchants.flatMap(({ m, prices }, i) =>
    prices.map((priceFen, p) => ({ storeId: storeIds[i]!, name: `Product ${m}-${p + 1}`, priceFen })),
  );
  const productRows = await insertChunks(items, (chunk) =>
    tx
      .insert(products)
      .values(chunk.map((p) => ({ ...p, description: "", stock: 1_000_000, active: true, featured: false, createdAt: created })))
      .returning({ id: products.id, name: products.name }),
  );
  const productIdOf = byKey(
    productRows,
    (p) => p.name,
    (p) => p.id,
  );
  const productsByStore = merchants.map(({ m, prices }) =>
    prices.map((priceFen, p) => ({ id: productIdOf.get(`Product ${m}-${p + 1}`)!, priceFen })),
  );
  return { storeIds, productsByStore };
});
const weights = storeIds.map((_, i) => 1 / (i + 1));
const totalWeight = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map(
  (
    (sum) => (w) =>
      (sum += w / totalWeight)
  )(0),
);
const pickStore = () => {
  const r = random();
  const i = cumulative.findIndex((c) => r <= c);
  return i === -1 ? storeIds.length - 1 : i;
};

const consumerIds: number[] = [];
const usedCredit = new Map<number, number>();
let p = progress("consumers", CONSUMERS);
const BATCH = 10_000;
for (let start = 0; start < CONSUMERS; start += BATCH) {
  const batch = Array.from({ length: Math.min(CONSUMERS, start + BATCH) - start }, (_, i) => ({
    email: `consumer${start + i + 1}@example.com`,
    name: `Consumer ${start + i + 1}`,
    score: Math.max(350, Math.min(950, Math.round(600 + (random() + random() + random()) * 80))),
  }));
  const ids = await withTransaction(db, async (tx) => {
    const rows = await insertChunks(batch, (chunk) =>
      tx
        .insert(users)
        .values(chunk.map((c) => ({ email: c.email, name: c.name, passwordHash, role: "consumer" as const, createdAt: created })))
        .returning({ id: users.id, email: users.email }),
    );
    const idOf = byKey(
      rows,
      (r) => r.email,
      (r) => r.id,
    );
    const consumers = batch.map((c) => ({ id: idOf.get(c.email)!, score: c.score }));
    await insertAll(consumers, (chunk) =>
      tx
        .insert(creditProfiles)
        .values(chunk.map((c) => ({ userId: c.id, score: c.score, payLaterStatus: "enabled" as const, usedCreditFen: 0, updatedAt: created }))),
    );
    await insertAll(consumers, (chunk) =>
      tx
        .insert(creditEvents)
        .values(
          chunk.map((c) => ({ userId: c.id, delta: 0, scoreAfter: c.score, reason: "seed" as const, note: "Opening score", createdAt: created })),
        ),
    );
    await insertAll(consumers, (chunk) =>
      tx.insert(agreementAcceptances).values(chunk.map((c) => ({ userId: c.id, agreementVersion: AGREEMENT_V1.version, acceptedAt: created }))),
    );
    return consumers.map((c) => c.id);
  });
  consumerIds.push(...ids);
  p.tick(start + batch.length);
}
p.stop();

type PlannedOrder = {
  o: number;
  storeId: number;
  product: { id: number; priceFen: number };
  quantity: number;
  totalFen: number;
  consumerId: number;
  placedAt: Date;
  // Pay later only: the plan, the schedule, and when each instalment was paid (null: still open).
  planCode: string | null;
  schedule: ScheduledInstalment[];
  paidAt: (number | null)[];
};

function planOrder(o: number): PlannedOrder {
  const storeIndex = pickStore();
  const storeId = storeIds[storeIndex]!;
  const product = productsByStore[storeIndex]![pick(20)]!;
  const quantity = 1 + (random() < 0.2 ? 1 : 0);
  const totalFen = product.priceFen * quantity;
  const consumerId = consumerIds[pick(consumerIds.length)]!;
  const placedAt = now.getTime() - Math.floor(random() * 365 * DAY);
  const payLater = random() < 0.7;
  const planCode = random() < 0.5 ? "pay_in_30" : "pay_in_3";
  const order = { o, storeId, product, quantity, totalFen, consumerId, placedAt: new Date(placedAt), planCode: null, schedule: [], paidAt: [] };
  if (!payLater) return order;
  const schedule = buildSchedule(totalFen, findPlan(policy, planCode)!, localDate(new Date(placedAt)), policy.graceDays);
  const paidFlags = schedule.map((inst) => inst.dueDate < today && random() < 0.93);
  const paidAt = schedule.map((inst, i) => (paidFlags[i] ? Date.parse(`${inst.dueDate}T04:00:00Z`) - pick(5) * DAY : null));
  return { ...order, planCode, schedule, paidAt };
}

/** Writes a batch of planned orders: orders, lines, bills, instalments, then the payments in order placed. */
async function writeOrders(tx: Db, batch: PlannedOrder[]): Promise<void> {
  const orderRows = await insertChunks(batch, (chunk) =>
    tx
      .insert(orders)
      .values(
        chunk.map((x) => ({
          number: `L-${x.o + 1}`,
          consumerId: x.consumerId,
          storeId: x.storeId,
          status: "completed" as const,
          paymentMethod: x.planCode ? ("pay_later" as const) : ("pay_now" as const),
          planCode: x.planCode,
          totalFen: x.totalFen,
          refundedFen: 0,
          shippingName: "Customer",
          shippingPhone: "13800138000",
          shippingAddress: "Shanghai",
          policyVersion: 1,
          idempotencyKey: `large-${x.o}`,
          createdAt: x.placedAt,
          updatedAt: x.placedAt,
        })),
      )
      .returning({ id: orders.id, number: orders.number }),
  );
  const orderIdOf = byKey(
    orderRows,
    (r) => r.number,
    (r) => r.id,
  );
  const orderId = (x: PlannedOrder) => orderIdOf.get(`L-${x.o + 1}`)!;
  await insertAll(batch, (chunk) =>
    tx.insert(orderLines).values(
      chunk.map((x) => ({
        orderId: orderId(x),
        productId: x.product.id,
        productName: "Product",
        unitPriceFen: x.product.priceFen,
        quantity: x.quantity,
      })),
    ),
  );

  const later = batch.filter((x) => x.planCode);
  const billRows = await insertChunks(later, (chunk) =>
    tx
      .insert(bills)
      .values(
        chunk.map((x) => ({
          orderId: orderId(x),
          consumerId: x.consumerId,
          storeId: x.storeId,
          policyVersion: 1,
          planCode: x.planCode!,
          totalFen: x.totalFen,
          status: x.paidAt.every((at) => at !== null) ? ("paid" as const) : ("open" as const),
          createdAt: x.placedAt,
        })),
      )
      .returning({ id: bills.id, orderId: bills.orderId }),
  );
  const billIdOf = byKey(
    billRows,
    (r) => r.orderId,
    (r) => r.id,
  );
  const billId = (x: PlannedOrder) => billIdOf.get(orderId(x))!;
  const planned = later.flatMap((x) => x.schedule.map((inst, i) => ({ x, inst, paidAt: x.paidAt[i] ?? null })));
  const instalmentRows = await insertChunks(planned, (chunk) =>
    tx
      .insert(instalments)
      .values(
        chunk.map(({ x, inst, paidAt }) => ({
          billId: billId(x),
          consumerId: x.consumerId,
          storeId: x.storeId,
          seq: inst.seq,
          dueDate: inst.dueDate,
          overdueOn: inst.overdueOn,
          amountFen: inst.amountFen,
          paidPrincipalFen: paidAt === null ? 0 : inst.amountFen,
          lateFeeFen: 0,
          paidFeeFen: 0,
          state: paidAt === null ? ("open" as const) : ("paid" as const),
          paidAt: paidAt === null ? null : new Date(paidAt),
          paidOn: paidAt === null ? null : localDate(new Date(paidAt)),
        })),
      )
      .returning({ id: instalments.id, billId: instalments.billId, seq: instalments.seq }),
  );
  const instalmentIdOf = byKey(
    instalmentRows,
    (r) => `${r.billId}:${r.seq}`,
    (r) => r.id,
  );

  // Pay-now payments and repayments interleaved as the orders come, so their ids are as when written one by one.
  type Paid = { x: PlannedOrder; i: number; inst: ScheduledInstalment | null; at: Date };
  const paid = batch.flatMap((x): Paid[] =>
    x.planCode
      ? x.schedule.flatMap((inst, i) => {
          const at = x.paidAt[i];
          return at === null || at === undefined ? [] : [{ x, i, inst, at: new Date(at) }];
        })
      : [{ x, i: -1, inst: null, at: x.placedAt }],
  );
  const paymentRows = await insertChunks(paid, (chunk) =>
    tx
      .insert(payments)
      .values(
        chunk.map(({ x, i, inst, at }) =>
          inst
            ? {
                consumerId: x.consumerId,
                billId: billId(x),
                orderId: orderId(x),
                kind: "repayment" as const,
                amountFen: inst.amountFen,
                cardLast4: "4242",
                providerRef: `sim_large_${x.o}_${i}`,
                idempotencyKey: `large-repay-${x.o}-${i}`,
                createdAt: at,
              }
            : {
                consumerId: x.consumerId,
                billId: null,
                orderId: orderId(x),
                kind: "order" as const,
                amountFen: x.totalFen,
                cardLast4: "4242",
                providerRef: `sim_large_${x.o}`,
                idempotencyKey: `large-pay-${x.o}`,
                createdAt: at,
              },
        ),
      )
      .returning({ id: payments.id, idempotencyKey: payments.idempotencyKey }),
  );
  const paymentIdOf = byKey(
    paymentRows,
    (r) => r.idempotencyKey,
    (r) => r.id,
  );
  const repayments = paid.filter((r) => r.inst !== null);
  await insertAll(repayments, (chunk) =>
    tx.insert(paymentAllocations).values(
      chunk.map(({ x, i, inst, at }) => ({
        paymentId: paymentIdOf.get(`large-repay-${x.o}-${i}`)!,
        instalmentId: instalmentIdOf.get(`${billId(x)}:${inst!.seq}`)!,
        storeId: x.storeId,
        principalFen: inst!.amountFen,
        feeFen: 0,
        createdAt: at,
      })),
    ),
  );
}

p = progress("orders", ORDERS);
for (let start = 0; start < ORDERS; start += BATCH) {
  const batch = Array.from({ length: Math.min(ORDERS, start + BATCH) - start }, (_, i) => planOrder(start + i));
  await withTransaction(db, (tx) => writeOrders(tx, batch));
  for (const x of batch)
    x.schedule.forEach((inst, i) => {
      if (x.paidAt[i] === null) usedCredit.set(x.consumerId, (usedCredit.get(x.consumerId) ?? 0) + inst.amountFen);
    });
  p.tick(start + batch.length);
}
p.stop();

const used = [...usedCredit];
await withTransaction(db, async (tx) => {
  for (let i = 0; i < used.length; i += CHUNK)
    await exec(
      tx,
      sql`UPDATE credit_profiles SET used_credit_fen = s.column2 FROM ${integerRows(used.slice(i, i + CHUNK))} AS s WHERE credit_profiles.user_id = s.column1`,
    );
});
if (connection.kind === "sqlite") {
  connection.writer.pragma("synchronous = NORMAL");
  connection.writer.exec("ANALYZE");
  connection.writer.pragma("wal_checkpoint(TRUNCATE)");
} else {
  // Statistics for the planner, and the visibility map set so that covering indexes are read without the table.
  await exec(db, sql`VACUUM (ANALYZE)`);
}
const counts = await row(
  db,
  sql`SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM instalments) AS instalments, (SELECT COUNT(*) FROM payments) AS payments`,
);
console.log(`Seeded ${describeDatabase(url)}:`, counts, `(every password: ${DEMO_PASSWORD})`);
await closeDb(db);
