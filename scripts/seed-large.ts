// `npm run seed:large -- --merchants 50 --consumers 100000 --orders 1000000 [--seed 42] [--db data/large.db]`
// A large, realistic data set in its own database file: a few big merchants and a long tail, both plans,
// every instalment state, due dates spread over the last year. Prepared statements in large transactions.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { migrateDb, openDb } from "@/db/client";
import { AGREEMENT_V1 } from "@/db/agreement";
import { hashPassword } from "@/server/auth/password";
import { localDate } from "@/server/domain/dates";
import { buildSchedule } from "@/server/domain/instalments";
import { DEFAULT_POLICY, findPlan } from "@/server/domain/policy";
import { DEMO_PASSWORD } from "@/db/seed";

const { values } = parseArgs({
  options: {
    merchants: { type: "string", default: "50" },
    consumers: { type: "string", default: "100000" },
    orders: { type: "string", default: "1000000" },
    seed: { type: "string", default: "42" },
    db: { type: "string", default: "data/large.db" },
  },
});
const MERCHANTS = Number(values.merchants);
const CONSUMERS = Number(values.consumers);
const ORDERS = Number(values.orders);
const file = values.db!;

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

for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
const db = openDb(file);
migrateDb(db);
const sqlite = db.$client;
sqlite.pragma("synchronous = OFF");

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

const insertUser = sqlite.prepare("INSERT INTO users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)");
const insertStore = sqlite.prepare("INSERT INTO stores (owner_user_id, slug, name, description, category, active, pay_later_enabled, pay_later_forced_off, created_at) VALUES (?, ?, ?, '', 'General', 1, 1, 0, ?)");
const insertProduct = sqlite.prepare("INSERT INTO products (store_id, name, description, price_fen, stock, active, featured, created_at) VALUES (?, ?, '', ?, 1000000, 1, 0, ?)");
const insertProfile = sqlite.prepare("INSERT INTO credit_profiles (user_id, score, pay_later_status, used_credit_fen, updated_at) VALUES (?, ?, 'enabled', 0, ?)");
const insertEvent = sqlite.prepare("INSERT INTO credit_events (user_id, delta, score_after, reason, note, created_at) VALUES (?, 0, ?, 'seed', 'Opening score', ?)");
const insertAcceptance = sqlite.prepare("INSERT INTO agreement_acceptances (user_id, agreement_version, accepted_at) VALUES (?, 1, ?)");
const insertOrder = sqlite.prepare(`INSERT INTO orders (number, consumer_id, store_id, status, payment_method, plan_code, total_fen, refunded_fen,
  shipping_name, shipping_phone, shipping_address, policy_version, idempotency_key, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'Customer', '13800138000', 'Shanghai', 1, ?, ?, ?)`);
const insertLine = sqlite.prepare("INSERT INTO order_lines (order_id, product_id, product_name, unit_price_fen, quantity) VALUES (?, ?, 'Product', ?, ?)");
const insertBill = sqlite.prepare("INSERT INTO bills (order_id, consumer_id, store_id, policy_version, plan_code, total_fen, status, created_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)");
const insertInstalment = sqlite.prepare(`INSERT INTO instalments (bill_id, consumer_id, store_id, seq, due_date, overdue_on, amount_fen, paid_principal_fen,
  late_fee_fen, paid_fee_fen, state, paid_at, paid_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)`);
const insertPayment = sqlite.prepare("INSERT INTO payments (consumer_id, bill_id, order_id, kind, amount_fen, card_last4, provider_ref, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, '4242', ?, ?, ?)");
const insertAllocation = sqlite.prepare("INSERT INTO payment_allocations (payment_id, instalment_id, store_id, principal_fen, fee_fen, created_at) VALUES (?, ?, ?, ?, 0, ?)");

const created = now.getTime() - 400 * DAY;
sqlite.transaction(() => {
  const admin = insertUser.run("admin@example.com", "Houfu Admin", passwordHash, "admin", created).lastInsertRowid;
  sqlite.prepare("INSERT INTO policy_versions (version, params, note, author_user_id, created_at) VALUES (1, ?, 'Initial policy', ?, ?)").run(JSON.stringify(policy), admin, created);
  sqlite.prepare("INSERT INTO agreements (version, title, body_en, body_zh, created_at) VALUES (?, ?, ?, ?, ?)").run(AGREEMENT_V1.version, AGREEMENT_V1.title, AGREEMENT_V1.bodyEn, AGREEMENT_V1.bodyZh, created);
})();

// Merchants: sizes follow a Zipf-like curve, so merchant 1 is much larger than the tail.
const storeIds: number[] = [];
const productsByStore: { id: number; priceFen: number }[][] = [];
sqlite.transaction(() => {
  for (let m = 1; m <= MERCHANTS; m++) {
    const owner = insertUser.run(`merchant${m}@example.com`, `Merchant ${m}`, passwordHash, "merchant", created).lastInsertRowid;
    const storeId = Number(insertStore.run(owner, `store-${m}`, `Store ${m}`, created).lastInsertRowid);
    storeIds.push(storeId);
    const items: { id: number; priceFen: number }[] = [];
    for (let p = 1; p <= 20; p++) {
      const priceFen = (19 + pick(3000)) * 100 + pick(100);
      items.push({ id: Number(insertProduct.run(storeId, `Product ${m}-${p}`, priceFen, created).lastInsertRowid), priceFen });
    }
    productsByStore.push(items);
  }
})();
const weights = storeIds.map((_, i) => 1 / (i + 1));
const totalWeight = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map(((sum) => (w) => (sum += w / totalWeight))(0));
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
  sqlite.transaction(() => {
    for (let c = start; c < Math.min(CONSUMERS, start + BATCH); c++) {
      const id = Number(insertUser.run(`consumer${c + 1}@example.com`, `Consumer ${c + 1}`, passwordHash, "consumer", created).lastInsertRowid);
      const score = Math.max(350, Math.min(950, Math.round(600 + (random() + random() + random()) * 80)));
      insertProfile.run(id, score, created);
      insertEvent.run(id, score, created);
      insertAcceptance.run(id, created);
      consumerIds.push(id);
    }
  })();
  p.tick(Math.min(CONSUMERS, start + BATCH));
}
p.stop();

p = progress("orders", ORDERS);
for (let start = 0; start < ORDERS; start += BATCH) {
  sqlite.transaction(() => {
    for (let o = start; o < Math.min(ORDERS, start + BATCH); o++) {
      const storeIndex = pickStore();
      const storeId = storeIds[storeIndex]!;
      const product = productsByStore[storeIndex]![pick(20)]!;
      const quantity = 1 + (random() < 0.2 ? 1 : 0);
      const totalFen = product.priceFen * quantity;
      const consumerId = consumerIds[pick(consumerIds.length)]!;
      const placedAt = now.getTime() - Math.floor(random() * 365 * DAY);
      const payLater = random() < 0.7;
      const planCode = random() < 0.5 ? "pay_in_30" : "pay_in_3";
      const orderId = Number(insertOrder.run(`L-${o + 1}`, consumerId, storeId, "completed", payLater ? "pay_later" : "pay_now", payLater ? planCode : null, totalFen, `large-${o}`, placedAt, placedAt).lastInsertRowid);
      insertLine.run(orderId, product.id, product.priceFen, quantity);
      if (!payLater) {
        insertPayment.run(consumerId, null, orderId, "order", totalFen, `sim_large_${o}`, `large-pay-${o}`, placedAt);
        continue;
      }
      const schedule = buildSchedule(totalFen, findPlan(policy, planCode)!, localDate(new Date(placedAt)), policy.graceDays);
      const paidFlags = schedule.map((inst) => inst.dueDate < today && random() < 0.93);
      const billPaid = paidFlags.every(Boolean);
      const billId = Number(insertBill.run(orderId, consumerId, storeId, planCode, totalFen, billPaid ? "paid" : "open", placedAt).lastInsertRowid);
      schedule.forEach((inst, i) => {
        if (paidFlags[i]) {
          const paidAt = Date.parse(`${inst.dueDate}T04:00:00Z`) - pick(5) * DAY;
          const instalmentId = Number(insertInstalment.run(billId, consumerId, storeId, inst.seq, inst.dueDate, inst.overdueOn, inst.amountFen, inst.amountFen, "paid", paidAt, localDate(new Date(paidAt))).lastInsertRowid);
          const paymentId = insertPayment.run(consumerId, billId, orderId, "repayment", inst.amountFen, `sim_large_${o}_${i}`, `large-repay-${o}-${i}`, paidAt).lastInsertRowid;
          insertAllocation.run(paymentId, instalmentId, storeId, inst.amountFen, paidAt);
        } else {
          insertInstalment.run(billId, consumerId, storeId, inst.seq, inst.dueDate, inst.overdueOn, inst.amountFen, 0, "open", null, null);
          usedCredit.set(consumerId, (usedCredit.get(consumerId) ?? 0) + inst.amountFen);
        }
      });
    }
  })();
  p.tick(Math.min(ORDERS, start + BATCH));
}
p.stop();

const updateUsed = sqlite.prepare("UPDATE credit_profiles SET used_credit_fen = ? WHERE user_id = ?");
sqlite.transaction(() => {
  for (const [consumerId, fen] of usedCredit) updateUsed.run(fen, consumerId);
})();
sqlite.pragma("synchronous = NORMAL");
sqlite.exec("ANALYZE");
sqlite.pragma("wal_checkpoint(TRUNCATE)");
const counts = sqlite.prepare("SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM instalments) AS instalments, (SELECT COUNT(*) FROM payments) AS payments").get();
console.log(`Seeded ${file}:`, counts, `(every password: ${DEMO_PASSWORD})`);
sqlite.close();
