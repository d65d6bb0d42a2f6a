// The demo data promised by CONTRACT.md, with every date relative to `now` so the demo
// always shows upcoming, due-soon, overdue (in each aging bucket) and paid instalments.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { AGREEMENT_V1 } from "@/db/agreement";
import { MIGRATIONS, type Db } from "@/db/client";
import { isPg } from "@/db/engine";
import { exec, first } from "@/db/query";
import * as s from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { hashPassword } from "@/server/auth/password";
import { displayPrefix } from "@/server/domain/api-keys";
import { hashApiKeySecret } from "@/server/services/developers/api-key-secret";
import { addDays, localDate, startOfLocalDate } from "@/server/calendar";
import { effectKey, LONG_OVERDUE_DAYS } from "@/server/domain/effects";
import { buildSchedule, daysOverdue, lateFeeFor } from "@/server/domain/instalments";
import { DEFAULT_POLICY, findPlan, type PlanCode } from "@/server/domain/policy";
import { unpaidPrincipalSql } from "@/server/sql/rules";
import { notifyMany, overdueNotice, payLaterChangeNotice, type NewNotification } from "@/server/services/notifications/notify";

export const DEMO_PASSWORD = "houfu-demo-2026";
/** Lumen Electronics' test secret key, printed in the README for trying the merchant API by hand. */
export const DEMO_API_KEY = "hk_test_lumenDemo2026Rk7Qm3Xv9Tz2Wp5Ls8Hd4Nc6";
/** Lumen's publishable key, for the messaging API and script (not a secret). */
export const DEMO_PUBLISHABLE_KEY = "hk_pub_lumenDemo2026Jw4Kp8Zr3Ty6";
const DAY = 86_400_000;

type ConsumerSeed = {
  email: string;
  name: string;
  openingScore: number;
  status: s.PayLaterStatus;
};

const CONSUMERS: ConsumerSeed[] = [
  { email: "alice@example.com", name: "Alice Wu", openingScore: 745, status: "enabled" },
  { email: "bob@example.com", name: "Bob Zhang", openingScore: 640, status: "not_enabled" },
  { email: "carol@example.com", name: "Carol Huang", openingScore: 520, status: "not_enabled" },
  { email: "dave@example.com", name: "Dave Chen", openingScore: 635, status: "enabled" },
  // Further Lumen customers, so the merchant's receivables show every state and aging bucket.
  { email: "erin@example.com", name: "Erin Zhao", openingScore: 700, status: "enabled" },
  { email: "frank@example.com", name: "Frank Li", openingScore: 690, status: "enabled" },
  { email: "grace@example.com", name: "Grace Wang", openingScore: 700, status: "enabled" },
  { email: "heidi@example.com", name: "Heidi Sun", openingScore: 720, status: "enabled" },
  { email: "ivan@example.com", name: "Ivan Liu", openingScore: 680, status: "enabled" },
  { email: "judy@example.com", name: "Judy Xu", openingScore: 700, status: "enabled" },
  { email: "kate@example.com", name: "Kate Ma", openingScore: 660, status: "enabled" },
];

const LUMEN_PRODUCTS = [
  {
    name: "Aurora Noise-Cancelling Headphones",
    description: "Over-ear, 40-hour battery, adaptive noise cancelling.",
    priceFen: 129_900,
    stock: 42,
    featured: true,
  },
  { name: 'Lumen 27" 4K Monitor', description: "IPS panel, USB-C 90 W, factory calibrated.", priceFen: 249_900, stock: 15, featured: true },
  { name: "Pulse Mechanical Keyboard", description: "Hot-swappable switches, aluminium frame.", priceFen: 59_900, stock: 60, featured: false },
  { name: "Nimbus Wireless Mouse", description: "Silent clicks, three devices, 70-day battery.", priceFen: 14_900, stock: 120, featured: false },
  { name: "Halo Smart Speaker", description: "Room-filling sound with a voice assistant.", priceFen: 39_900, stock: 35, featured: true },
  { name: "Volt 65W GaN Charger", description: "Two USB-C and one USB-A port, folding plug.", priceFen: 19_900, stock: 80, featured: false },
  { name: "Orbit 10,000 mAh Power Bank", description: "Slim, 20 W fast charging.", priceFen: 12_900, stock: 0, featured: false },
  { name: "Lumen Tab 11", description: "11-inch tablet, 128 GB, with stylus support.", priceFen: 329_900, stock: 20, featured: true },
];

const TEA_PRODUCTS = [
  { name: "West Lake Longjing Green Tea 250g", description: "Pre-Qingming harvest from Hangzhou.", priceFen: 26_800, stock: 50, featured: true },
  { name: "Anxi Tieguanyin Oolong 200g", description: "Lightly roasted, orchid aroma.", priceFen: 18_800, stock: 40, featured: false },
  { name: "Aged Pu'er Cake 357g", description: "Yunnan ripe pu'er, pressed 2016.", priceFen: 42_000, stock: 25, featured: false },
  { name: "Celadon Gongfu Tea Set", description: "Longquan celadon pot, pitcher and six cups.", priceFen: 68_000, stock: 12, featured: true },
  { name: "Bamboo Tea Tray", description: "Drainage tray in carbonised bamboo.", priceFen: 23_900, stock: 18, featured: false },
];

type PastOrder = {
  consumer: string;
  store: "lumen" | "tea";
  items: { product: string; quantity: number }[];
  placedDaysAgo: number;
  status: s.OrderStatus;
  method: s.PaymentMethod;
  plan?: PlanCode;
  // Instalment numbers (1-based) paid, and how many days before the due date they were paid.
  paid?: { seq: number; daysBeforeDue: number }[];
};

const PAST_ORDERS: PastOrder[] = [
  // alice: a paid-off Pay in 3, and one bill outstanding and not yet due.
  {
    consumer: "alice@example.com",
    store: "lumen",
    items: [
      { product: "Pulse Mechanical Keyboard", quantity: 1 },
      { product: "Volt 65W GaN Charger", quantity: 1 },
    ],
    placedDaysAgo: 120,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_3",
    paid: [
      { seq: 1, daysBeforeDue: 2 },
      { seq: 2, daysBeforeDue: 1 },
      { seq: 3, daysBeforeDue: 3 },
    ],
  },
  {
    consumer: "alice@example.com",
    store: "lumen",
    items: [{ product: "Lumen Tab 11", quantity: 1 }],
    placedDaysAgo: 5,
    status: "shipped",
    method: "pay_later",
    plan: "pay_in_3",
  },
  // bob and carol: pay-now shoppers.
  {
    consumer: "bob@example.com",
    store: "tea",
    items: [{ product: "West Lake Longjing Green Tea 250g", quantity: 1 }],
    placedDaysAgo: 12,
    status: "completed",
    method: "pay_now",
  },
  {
    consumer: "carol@example.com",
    store: "lumen",
    items: [{ product: "Nimbus Wireless Mouse", quantity: 1 }],
    placedDaysAgo: 2,
    status: "placed",
    method: "pay_now",
  },
  // dave: one payment, 8 days overdue (1–30 bucket); suspended.
  {
    consumer: "dave@example.com",
    store: "lumen",
    items: [{ product: "Aurora Noise-Cancelling Headphones", quantity: 1 }],
    placedDaysAgo: 41,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_30",
  },
  // erin: first instalment paid on time, second 2 days overdue, third upcoming.
  {
    consumer: "erin@example.com",
    store: "lumen",
    items: [
      { product: "Halo Smart Speaker", quantity: 1 },
      { product: "Nimbus Wireless Mouse", quantity: 2 },
    ],
    placedDaysAgo: 65,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_3",
    paid: [{ seq: 1, daysBeforeDue: 4 }],
  },
  // frank: 47 days overdue (31–60).
  {
    consumer: "frank@example.com",
    store: "lumen",
    items: [{ product: "Pulse Mechanical Keyboard", quantity: 1 }],
    placedDaysAgo: 80,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_30",
  },
  // grace: 72 days overdue (61–90).
  {
    consumer: "grace@example.com",
    store: "lumen",
    items: [{ product: 'Lumen 27" 4K Monitor', quantity: 1 }],
    placedDaysAgo: 105,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_30",
  },
  // heidi: three instalments overdue 117, 87 and 57 days (91+, 61–90, 31–60).
  {
    consumer: "heidi@example.com",
    store: "lumen",
    items: [{ product: "Lumen Tab 11", quantity: 1 }],
    placedDaysAgo: 150,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_3",
  },
  // ivan: due in 4 days.
  {
    consumer: "ivan@example.com",
    store: "lumen",
    items: [{ product: "Halo Smart Speaker", quantity: 1 }],
    placedDaysAgo: 26,
    status: "shipped",
    method: "pay_later",
    plan: "pay_in_30",
  },
  // judy: a Pay in 3 paid in full, on time.
  {
    consumer: "judy@example.com",
    store: "lumen",
    items: [{ product: "Aurora Noise-Cancelling Headphones", quantity: 1 }],
    placedDaysAgo: 100,
    status: "completed",
    method: "pay_later",
    plan: "pay_in_3",
    paid: [
      { seq: 1, daysBeforeDue: 5 },
      { seq: 2, daysBeforeDue: 2 },
      { seq: 3, daysBeforeDue: 0 },
    ],
  },
  // kate: due 3 days ago, on the last day of grace: due soon, not yet overdue.
  {
    consumer: "kate@example.com",
    store: "lumen",
    items: [{ product: "Nimbus Wireless Mouse", quantity: 1 }],
    placedDaysAgo: 33,
    status: "placed",
    method: "pay_later",
    plan: "pay_in_30",
  },
  // Lumen pay-now sales.
  {
    consumer: "alice@example.com",
    store: "lumen",
    items: [{ product: "Volt 65W GaN Charger", quantity: 2 }],
    placedDaysAgo: 9,
    status: "completed",
    method: "pay_now",
  },
];

const TABLES_IN_DELETE_ORDER = [
  "autopay_charges",
  "autopay_cards",
  "due_date_extensions",
  "webhook_deliveries",
  "webhook_events",
  "webhook_endpoints",
  "checkout_sessions",
  "support_tickets",
  "api_rate_limits",
  "api_idempotency",
  "api_keys",
  "payment_allocations",
  "payments",
  "refunds",
  "credit_events",
  "instalments",
  "receivable_days",
  "bills",
  "order_events",
  "order_lines",
  "orders",
  "cart_items",
  "products",
  "receivables_snapshots",
  "notifications",
  "outbox",
  "agreement_acceptances",
  "agreements",
  "audit_log",
  "job_leases",
  "auth_throttle",
  "revoked_sessions",
  "credit_profiles",
  "stores",
  "policy_versions",
  "users",
];

/**
 * Empties every table. SQLite: the audit log's append-only triggers are lifted only for this (dropped, and made
 * again from their migration in the same transaction). PostgreSQL: TRUNCATE fires no row triggers, so the audit
 * log's stay in place; RESTART IDENTITY starts every id at 1 again, so the seed's ids are SQLite's.
 */
export async function wipeDatabase(db: Db): Promise<void> {
  if (isPg()) {
    await withTransaction(db, (tx) => exec(tx, sql.raw(`TRUNCATE ${TABLES_IN_DELETE_ORDER.join(", ")} RESTART IDENTITY CASCADE`)));
    return;
  }
  const triggers = fs.readFileSync(path.join(MIGRATIONS.sqlite, "0001_audit_log_append_only.sql"), "utf8");
  await withTransaction(db, async (tx) => {
    await exec(tx, sql`DROP TRIGGER IF EXISTS audit_log_no_update`);
    await exec(tx, sql`DROP TRIGGER IF EXISTS audit_log_no_delete`);
    for (const table of TABLES_IN_DELETE_ORDER) await exec(tx, sql.raw(`DELETE FROM ${table}`));
    await exec(tx, sql.raw(`DELETE FROM sqlite_sequence`));
    for (const statement of triggers.split("--> statement-breakpoint")) {
      const body = statement
        .split("\n")
        .filter((line) => !line.startsWith("--"))
        .join("\n")
        .trim();
      if (body) await exec(tx, sql.raw(body));
    }
  });
}

export async function seedDemo(db: Db, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const policy = DEFAULT_POLICY;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const today = localDate(now);

  // Everything the body keeps (ids, scores) lives inside it: on PostgreSQL it may run again.
  await withTransaction(db, async (tx) => {
    const userIds = new Map<string, number>();
    const addUser = async (email: string, name: string, role: s.Role, createdDaysAgo: number) => {
      const row = (await first(
        tx
          .insert(s.users)
          .values({ email, name, passwordHash, role, createdAt: at(createdDaysAgo) })
          .returning({ id: s.users.id }),
      ))!;
      userIds.set(email, row.id);
      return row.id;
    };

    const adminId = await addUser("admin@example.com", "Houfu Admin", "admin", 400);
    await tx.insert(s.policyVersions).values({ version: 1, params: policy, note: "Initial policy", authorUserId: adminId, createdAt: at(400) });
    await tx.insert(s.agreements).values({ ...AGREEMENT_V1, createdAt: at(400) });

    const storeIds = {
      lumen: (await first(
        tx
          .insert(s.stores)
          .values({
            ownerUserId: await addUser("shop@example.com", "Lin Mei", "merchant", 380),
            slug: "lumen-electronics",
            name: "Lumen Electronics",
            category: "Electronics",
            description: "Headphones, monitors, tablets and everything to charge them.",
            payLaterEnabled: true,
            publishableKey: DEMO_PUBLISHABLE_KEY,
            createdAt: at(380),
          })
          .returning({ id: s.stores.id }),
      ))!.id,
      tea: (await first(
        tx
          .insert(s.stores)
          .values({
            ownerUserId: await addUser("tea@example.com", "Chen Jing", "merchant", 370),
            slug: "cloud-tea-house",
            name: "Cloud Tea House",
            category: "Tea & Teaware",
            description: "Green, oolong and pu'er teas from the hills they grow on, and the ware to brew them.",
            payLaterEnabled: false,
            createdAt: at(370),
          })
          .returning({ id: s.stores.id }),
      ))!.id,
    };

    await tx.insert(s.apiKeys).values({
      storeId: storeIds.lumen,
      name: "Demo test key",
      prefix: displayPrefix(DEMO_API_KEY),
      secretHash: hashApiKeySecret(DEMO_API_KEY),
      createdAt: at(30),
    });

    const productIds = new Map<string, { id: number; priceFen: number }>();
    for (const [store, list] of [
      ["lumen", LUMEN_PRODUCTS],
      ["tea", TEA_PRODUCTS],
    ] as const) {
      for (const p of list) {
        const row = (await first(
          tx
            .insert(s.products)
            .values({ ...p, storeId: storeIds[store], createdAt: at(360) })
            .returning({ id: s.products.id }),
        ))!;
        productIds.set(p.name, { id: row.id, priceFen: p.priceFen });
      }
    }

    const scores = new Map<string, number>();
    for (const c of CONSUMERS) {
      const id = await addUser(c.email, c.name, "consumer", 300);
      scores.set(c.email, c.openingScore);
      await tx.insert(s.creditProfiles).values({ userId: id, score: c.openingScore, payLaterStatus: c.status, updatedAt: at(300) });
      await tx
        .insert(s.creditEvents)
        .values({ userId: id, delta: 0, scoreAfter: c.openingScore, reason: "seed", note: "Opening score", createdAt: at(300) });
      if (c.status === "enabled")
        await tx.insert(s.agreementAcceptances).values({ userId: id, agreementVersion: AGREEMENT_V1.version, acceptedAt: at(290) });
    }

    const scoreEvent = async (
      email: string,
      delta: number,
      reason: "on_time_payment" | "overdue" | "overdue_30",
      when: Date,
      refs: { orderId: number; instalmentId: number; key: string },
    ) => {
      const next = Math.min(950, Math.max(350, scores.get(email)! + delta));
      scores.set(email, next);
      await tx.insert(s.creditEvents).values({
        userId: userIds.get(email)!,
        delta,
        scoreAfter: next,
        reason,
        orderId: refs.orderId,
        instalmentId: refs.instalmentId,
        effectKey: refs.key,
        createdAt: when,
      });
    };

    const notices: NewNotification[] = [];
    const suspendedAt = new Map<number, Date>();
    for (const [index, o] of PAST_ORDERS.entries()) {
      const consumerId = userIds.get(o.consumer)!;
      const storeId = storeIds[o.store];
      const placedAt = at(o.placedDaysAgo);
      const lines = o.items.map((item) => ({ ...productIds.get(item.product)!, name: item.product, quantity: item.quantity }));
      const totalFen = lines.reduce((sum, l) => sum + l.priceFen * l.quantity, 0);
      const order = (await first(
        tx
          .insert(s.orders)
          .values({
            number: `HF-${String(1001 + index)}`,
            consumerId,
            storeId,
            status: o.status,
            paymentMethod: o.method,
            planCode: o.plan ?? null,
            totalFen,
            shippingName: CONSUMERS.find((c) => c.email === o.consumer)!.name,
            shippingPhone: "13800138000",
            shippingAddress: "88 Century Avenue, Pudong, Shanghai 200120",
            policyVersion: 1,
            idempotencyKey: `seed-order-${index}`,
            createdAt: placedAt,
            updatedAt: placedAt,
          })
          .returning({ id: s.orders.id }),
      ))!;
      for (const l of lines)
        await tx
          .insert(s.orderLines)
          .values({ orderId: order.id, productId: l.id, productName: l.name, unitPriceFen: l.priceFen, quantity: l.quantity });
      await tx.insert(s.orderEvents).values({ orderId: order.id, type: "placed", actorUserId: consumerId, amountFen: totalFen, createdAt: placedAt });
      if (o.status === "shipped" || o.status === "completed")
        await tx.insert(s.orderEvents).values({ orderId: order.id, type: "shipped", createdAt: at(o.placedDaysAgo - 1) });
      if (o.status === "completed")
        await tx.insert(s.orderEvents).values({ orderId: order.id, type: "completed", createdAt: at(Math.max(0, o.placedDaysAgo - 4)) });

      if (o.method === "pay_now") {
        await tx.insert(s.payments).values({
          consumerId,
          orderId: order.id,
          kind: "order",
          amountFen: totalFen,
          cardLast4: "4242",
          providerRef: `sim_seed_${index}`,
          idempotencyKey: `seed-order-${index}`,
          createdAt: placedAt,
        });
        continue;
      }

      const plan = findPlan(policy, o.plan!)!;
      const bill = (await first(
        tx
          .insert(s.bills)
          .values({ orderId: order.id, consumerId, storeId, policyVersion: 1, planCode: plan.code, totalFen, status: "open", createdAt: placedAt })
          .returning({ id: s.bills.id }),
      ))!;
      const schedule = buildSchedule(totalFen, plan, localDate(placedAt), policy.graceDays);
      let billPaid = true;
      for (const inst of schedule) {
        const payment = o.paid?.find((p) => p.seq === inst.seq);
        const row = (await first(
          tx
            .insert(s.instalments)
            .values({
              billId: bill.id,
              consumerId,
              storeId,
              seq: inst.seq,
              dueDate: inst.dueDate,
              overdueOn: inst.overdueOn,
              amountFen: inst.amountFen,
              state: "open",
            })
            .returning({ id: s.instalments.id }),
        ))!;
        const refs = { orderId: order.id, instalmentId: row.id };
        if (payment) {
          const paidOn = addDays(inst.dueDate, -payment.daysBeforeDue);
          const paidAt = new Date(startOfLocalDate(paidOn).getTime() + 12 * 3_600_000);
          const pay = (await first(
            tx
              .insert(s.payments)
              .values({
                consumerId,
                billId: bill.id,
                orderId: order.id,
                kind: "repayment",
                amountFen: inst.amountFen,
                cardLast4: "4242",
                providerRef: `sim_seed_${index}_${inst.seq}`,
                idempotencyKey: `seed-repay-${index}-${inst.seq}`,
                createdAt: paidAt,
              })
              .returning({ id: s.payments.id }),
          ))!;
          await tx
            .insert(s.paymentAllocations)
            .values({ paymentId: pay.id, instalmentId: row.id, storeId, principalFen: inst.amountFen, feeFen: 0, createdAt: paidAt });
          await tx.update(s.instalments).set({ paidPrincipalFen: inst.amountFen, state: "paid", paidAt, paidOn }).where(sql`id = ${row.id}`);
          await scoreEvent(o.consumer, policy.onTimeBonus, "on_time_payment", paidAt, { ...refs, key: effectKey.onTime(row.id) });
          continue;
        }
        billPaid = false;
        // What the credit jobs would have done by now for an instalment that went overdue.
        const overdueDays = daysOverdue(inst, today);
        if (overdueDays > 0) {
          const markedAt = at(overdueDays - 1);
          await tx
            .update(s.instalments)
            .set({ lateFeeFen: lateFeeFor(inst.amountFen, policy), overdueMarkedAt: markedAt })
            .where(sql`id = ${row.id}`);
          await scoreEvent(o.consumer, -policy.overduePenalty, "overdue", markedAt, { ...refs, key: effectKey.overdue(row.id) });
          if (overdueDays >= LONG_OVERDUE_DAYS)
            await scoreEvent(o.consumer, -policy.overdue30Penalty, "overdue_30", at(overdueDays - LONG_OVERDUE_DAYS), {
              ...refs,
              key: effectKey.overdue30(row.id),
            });
          await tx.update(s.creditProfiles).set({ payLaterStatus: "suspended", suspendedReason: "overdue" }).where(sql`user_id = ${consumerId}`);
          // And the notices they would have sent: this instalment's overdue notice, and the suspension the first time.
          notices.push(
            overdueNotice({
              userId: consumerId,
              instalmentId: row.id,
              dueDate: inst.dueDate,
              feeFen: lateFeeFor(inst.amountFen, policy),
              at: markedAt,
            }),
          );
          if (!suspendedAt.has(consumerId)) suspendedAt.set(consumerId, markedAt);
        }
      }
      if (billPaid) await tx.update(s.bills).set({ status: "paid" }).where(sql`id = ${bill.id}`);
    }

    // Through the notification service, as the credit jobs send them (same texts and dedupe keys, so a job run adds no second copy).
    for (const [userId, at] of suspendedAt) notices.push(payLaterChangeNotice(userId, "suspended", at));
    await notifyMany(
      tx,
      notices.sort((a, b) => a.at.getTime() - b.at.getTime()),
    );
    for (const [email, score] of scores)
      await tx
        .update(s.creditProfiles)
        .set({ score, updatedAt: now })
        .where(sql`user_id = ${userIds.get(email)!}`);
    await exec(
      tx,
      sql`UPDATE credit_profiles SET used_credit_fen = COALESCE(
      (SELECT SUM(${unpaidPrincipalSql()}) FROM instalments WHERE consumer_id = credit_profiles.user_id AND state = 'open'), 0)`,
    );
  });
}
