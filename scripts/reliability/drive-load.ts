// The load itself: many signed-in consumers placing pay-later orders at once, replaying idempotency keys,
// racing repayments, and two credit-job runs at the same moment. Returns counts; check() judges the database.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { closeDb, openDb, type Db } from "@/db/client";
import { bool } from "@/db/dialect";
import { exec, row, rows } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { checkInvariants, type Violation } from "@/server/services/verify/check-invariants";
import { pool, Session, TrpcError } from "./harness";

export type LoadSize = { consumers: number; checkoutsEach: number; concurrency: number };
export const SMALL: LoadSize = { consumers: 12, checkoutsEach: 3, concurrency: 8 };
export const LARGE: LoadSize = { consumers: 150, checkoutsEach: 20, concurrency: 24 };

export type LoadStats = {
  signedIn: number;
  ordersPlaced: number;
  replays: number;
  refused: Record<string, number>;
  internalErrors: string[];
  networkErrors: number;
  repaymentsOk: number;
  jobRuns: string[];
  keys: Map<string, Set<number>>; // `${consumerId}:${key}` → order ids returned for it
};

const PASSWORD = "load-test-password-2026";

/** The cheapest product a new consumer can buy on pay later; its stock is raised so stock does not end the run. */
export type LoadProduct = { id: number; priceFen: number };

export async function pickProduct(url: string): Promise<LoadProduct> {
  const db = openDb(url);
  try {
    const product = await row<LoadProduct>(
      db,
      sql`SELECT p.id, p.price_fen AS "priceFen" FROM products p JOIN stores s ON s.id = p.store_id
       WHERE p.active = ${bool(true)} AND s.active = ${bool(true)} AND s.pay_later_enabled = ${bool(true)} AND s.pay_later_forced_off = ${bool(false)}
         AND p.price_fen <= 20000 AND (s.pay_later_min_fen IS NULL OR s.pay_later_min_fen <= p.price_fen)
       ORDER BY p.price_fen LIMIT 1`,
    );
    if (!product) throw new Error("no product cheap enough for pay later in the seed");
    await withTransaction(db, (tx) => exec(tx, sql`UPDATE products SET stock = 1000000 WHERE id = ${product.id}`));
    return product;
  } finally {
    await closeDb(db);
  }
}

export async function driveLoad(opts: {
  /** The servers; consumers are spread across them (each starts on its own and fails over to the next). */
  bases: string[];
  url: string;
  size: LoadSize;
  product: LoadProduct;
  jobsAt?: Date;
  stopAfterMs?: number;
  onOrder?: (placed: number) => void;
  onRepay?: (accepted: number) => void;
}): Promise<LoadStats> {
  const { bases, size } = opts;
  const rotated = (i: number) => bases.map((_, k) => bases[(i + k) % bases.length]!);
  const run = randomBytes(4).toString("hex");
  const stats: LoadStats = {
    signedIn: 0,
    ordersPlaced: 0,
    replays: 0,
    refused: {},
    internalErrors: [],
    networkErrors: 0,
    repaymentsOk: 0,
    jobRuns: [],
    keys: new Map(),
  };
  const stopAt = opts.stopAfterMs ? Date.now() + opts.stopAfterMs : Infinity;
  const record = (e: unknown) => {
    if (e instanceof TrpcError) {
      if (e.status >= 500 || e.code === "INTERNAL_SERVER_ERROR") stats.internalErrors.push(e.message);
      else {
        const key = `${e.message.split(":")[0]} ${e.code}`;
        stats.refused[key] = (stats.refused[key] ?? 0) + 1;
      }
    } else stats.networkErrors++; // the crash test kills the server mid-flight: connections drop
  };

  // 1. New consumers over HTTP: sign up, sign in, accept the agreement.
  const sessions: { s: Session; id: string }[] = [];
  await pool(
    Array.from({ length: size.consumers }, (_, i) => i),
    size.concurrency,
    async (i) => {
      const s = new Session(rotated(i));
      const email = `load-${run}-${i}@example.com`;
      try {
        await s.mutation("account.signUp", { name: `Load ${i}`, email, password: PASSWORD });
        await s.signIn(email, PASSWORD);
        const agreement = await s.query<{ version: number }>("credit.agreement");
        await s.mutation("credit.enablePayLater", { agreementVersion: agreement.version, accepted: true });
        stats.signedIn++;
        sessions.push({ s, id: email });
      } catch (e) {
        record(e);
      }
    },
  );

  // 2. Concurrent pay-later checkouts; every third one is sent three times at once with the same key, then once more.
  const checkouts = sessions.flatMap((c) => Array.from({ length: size.checkoutsEach }, (_, k) => ({ ...c, k })));
  await pool(checkouts, size.concurrency, async ({ s, id, k }) => {
    if (Date.now() > stopAt) return;
    const key = `load-${run}-${id}-${k}`;
    const input = {
      idempotencyKey: key,
      lines: [{ productId: opts.product.id, quantity: 1 }],
      expectedTotalFen: opts.product.priceFen,
      paymentMethod: "pay_later",
      planCode: "pay_in_3",
      shippingName: "Load Tester",
      shippingPhone: "13800138000",
      shippingAddress: "1 Load Road, Shanghai",
    };
    const place = async () => {
      try {
        const r = await s.mutation<{ orderId: number; replayed: boolean }>("shop.placeOrder", input);
        const ids = stats.keys.get(`${id}:${key}`) ?? new Set<number>();
        ids.add(r.orderId);
        stats.keys.set(`${id}:${key}`, ids);
        if (r.replayed) stats.replays++;
        else {
          stats.ordersPlaced++;
          opts.onOrder?.(stats.ordersPlaced);
        }
      } catch (e) {
        record(e);
      }
    };
    try {
      await s.mutation("shop.addToCart", { productId: opts.product.id, quantity: 1, replaceCart: true });
    } catch (e) {
      record(e);
    }
    if (k % 3 === 0) {
      await Promise.all([place(), place(), place()]);
      await place();
    } else await place();
  });

  // 3. Racing repayments (three different keys and two copies of one key per bill) while two job runs start at once.
  const jobs = (async () => {
    const at = opts.jobsAt ?? new Date();
    const [a, b] = [openDb(opts.url), openDb(opts.url)];
    try {
      const reports = await Promise.all([runCreditJobs(a, at), runCreditJobs(b, at)]);
      stats.jobRuns = reports.map((r) => (r.skipped ? "skipped (lease held)" : `ran: ${r.markedOverdue} overdue, ${r.reminders} reminders`));
    } finally {
      await Promise.all([closeDb(a), closeDb(b)]);
    }
  })();
  await pool(sessions, size.concurrency, async ({ s }) => {
    if (Date.now() > stopAt) return;
    let bill: { id: number; owedFen: number } | undefined;
    try {
      const list = await s.query<{ bills: { id: number; status: string; owedFen: number }[] }>("bills.list");
      bill = list.bills.find((b) => b.status === "open" && b.owedFen > 0);
    } catch (e) {
      record(e);
    }
    if (!bill) return;
    const repay = async (key: string) => {
      try {
        await s.mutation("bills.repay", { billId: bill.id, amountFen: bill.owedFen, cardNumber: "4242 4242 4242 4242", idempotencyKey: key });
        stats.repaymentsOk++;
        opts.onRepay?.(stats.repaymentsOk);
      } catch (e) {
        record(e);
      }
    };
    const same = `repay-${run}-${bill.id}-same`;
    await Promise.all([
      repay(`repay-${run}-${bill.id}-a`),
      repay(`repay-${run}-${bill.id}-b`),
      repay(`repay-${run}-${bill.id}-c`),
      repay(same),
      repay(same),
    ]);
  });
  await jobs;
  return stats;
}

/** Judges the database after load: every invariant, and one order per replayed key. */
export async function check(url: string, stats?: LoadStats): Promise<{ violations: Violation[]; duplicateKeys: string[] }> {
  const db = openDb(url);
  try {
    return await judge(db, stats);
  } finally {
    await closeDb(db);
  }
}

async function judge(db: Db, stats?: LoadStats): Promise<{ violations: Violation[]; duplicateKeys: string[] }> {
  const violations = await checkInvariants(db);
  const dup = await rows<{ consumer_id: number; idempotency_key: string; n: number }>(
    db,
    sql`SELECT consumer_id, idempotency_key, COUNT(*) AS n FROM orders GROUP BY consumer_id, idempotency_key HAVING COUNT(*) > 1`,
  );
  const duplicateKeys = dup.map((d) => `${d.idempotency_key} × ${d.n}`);
  for (const [key, ids] of stats?.keys ?? []) if (ids.size > 1) duplicateKeys.push(`${key} answered with orders ${[...ids].join(", ")}`);
  // Repayments raced on one bill never pay more than was owed (also covered by the invariants).
  const over = await rows<{ id: number }>(db, sql`SELECT id FROM instalments WHERE paid_principal_fen > amount_fen OR paid_fee_fen > late_fee_fen`);
  for (const o of over) violations.push({ invariant: "overpaid instalment", detail: `instalment ${o.id}` });
  return { violations, duplicateKeys };
}

export function summary(stats: LoadStats): string {
  return [
    `consumers signed in: ${stats.signedIn}`,
    `orders placed: ${stats.ordersPlaced}, replays answered: ${stats.replays}, keys used: ${stats.keys.size}`,
    `repayments accepted: ${stats.repaymentsOk}`,
    `refusals: ${JSON.stringify(stats.refused)}`,
    `internal errors: ${stats.internalErrors.length}, dropped connections: ${stats.networkErrors}`,
    `job runs: ${stats.jobRuns.join("; ")}`,
  ].join("\n  ");
}
