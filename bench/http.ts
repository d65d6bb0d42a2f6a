// Scenario 1: HTTP. The production server (`next start`) on a scratch copy of the large database, driven by
// 32 keep-alive connections from this process, each signed in as its own consumer who can pay later.
//   floor:    `health.ping`, the cheapest tRPC query, sent with the same session cookies;
//   checkout: `shop.placeOrder` (pay later, pay in 3), one order per request, a fresh idempotency key each.
// BENCH_CPU_PROF=<dir> makes the server write a CPU profile there when it stops.
// Usage: `npm run bench:http` (builds first when .next has no build; `--build` forces one), or
//        `npx tsx bench/http.ts [large.db] [--build]`. BENCH_PORT (3212), BENCH_SECONDS (20 per operation), BENCH_CONNECTIONS (32).
//
// Setup, on the scratch copy only (the source database is only read): the copy is migrated, then 32 consumers
// are made through the domain services (signUpConsumer, enablePayLater) and given a 750 score by SQL (the
// top band: ¥10,000 of credit), and a ¥1 product is added by SQL to a pay-later store, so thousands of
// orders per consumer stay within credit. The prepared copy is kept (.scratch/bench-http-base.db) and each
// run starts from a fresh copy of it. On PostgreSQL (DATABASE_URL) nothing is copied: the server runs on that
// database (say, one seeded by `npm run seed:large`), and each run adds its own 32 consumers to it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { closeDb, connectionOf, MIGRATIONS, migrateDb, openDb, type Db } from "@/db/client";
import { databaseUrl, engineKind } from "@/db/engine";
import { first } from "@/db/query";
import { creditProfiles, products, stores } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { describeDatabase } from "@/scripts/database";
import { systemClock } from "@/server/clock";
import { signUpConsumer } from "@/server/services/accounts/sign-up";
import { currentAgreement } from "@/server/services/credit/agreement";
import { enablePayLater } from "@/server/services/credit/pay-later-switch";
import { printTable, writeResults, type Row } from "./lib";

const args = process.argv.slice(2);
const source = args.find((a) => !a.startsWith("--")) ?? "data/large.db";
const PORT = Number(process.env.BENCH_PORT ?? 3212);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 5;
const ROUNDS = 4;
const PASSWORD = "bench-password-2026";
const ORIGIN = `http://localhost:${PORT}`;
const scratch = path.resolve(".scratch");
const base = path.join(scratch, "bench-http-base.db");
const runFile = path.join(scratch, "bench-http-run.db");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

fs.mkdirSync(scratch, { recursive: true });
const removeDb = (file: string) => ["", "-wal", "-shm"].forEach((s) => fs.rmSync(file + s, { force: true }));
const copyDb = (from: string, to: string) => {
  removeDb(to);
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
};

// 1. The bench consumers (emails `${prefix}-${i}@example.com`) and the ¥1 product (made once per database).
async function addBenchData(db: Db, prefix: string): Promise<{ emails: string[]; productId: number }> {
  await migrateDb(db);
  const clock = systemClock;
  const agreement = await currentAgreement(db);
  const emails: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const email = `${prefix}-${i}@example.com`;
    const { userId } = await signUpConsumer(db, clock, { email, name: `Bench Consumer ${i}`, password: PASSWORD });
    await enablePayLater(db, clock, { consumerId: userId, agreementVersion: agreement.version });
    await withTransaction(db, (tx) => tx.update(creditProfiles).set({ score: 750 }).where(eq(creditProfiles.userId, userId)));
    emails.push(email);
  }
  const store = (await first(
    db
      .select({ id: stores.id })
      .from(stores)
      .where(and(eq(stores.active, true), eq(stores.payLaterEnabled, true), eq(stores.payLaterForcedOff, false), isNull(stores.payLaterMinFen)))
      .orderBy(stores.id)
      .limit(1),
  ))!;
  const product = await withTransaction(db, async (tx) => {
    const made = await first(
      tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.storeId, store.id), eq(products.name, "Bench Sticker")))
        .limit(1),
    );
    return (
      made ??
      (await first(
        tx
          .insert(products)
          .values({
            storeId: store.id,
            name: "Bench Sticker",
            description: "One yuan, for the HTTP benchmark",
            priceFen: 100,
            stock: 10_000_000,
            active: true,
            featured: false,
            createdAt: clock.now(),
          })
          .returning({ id: products.id }),
      ))!
    );
  });
  return { emails, productId: product.id };
}

// The prepared base copy (SQLite): migrated, with the bench consumers and product.
async function prepareBase(): Promise<{ emails: string[]; productId: number }> {
  const marker = `${base}.json`;
  const migrations = fs
    .readdirSync(MIGRATIONS.sqlite)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .join(",");
  if (fs.existsSync(base) && fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, "utf8"));
    if (saved.migrations === migrations && saved.sourceMtime === fs.statSync(source).mtimeMs) return saved;
  }
  console.log(`Preparing ${base} from ${source} (copy, migrate, consumers)…`);
  copyDb(source, base);
  const db = openDb(`file:${base}`);
  const { emails, productId } = await addBenchData(db, "bench");
  const connection = connectionOf(db);
  if (connection.kind === "sqlite") connection.writer.pragma("wal_checkpoint(TRUNCATE)");
  await closeDb(db);
  const saved = { emails, productId, migrations, sourceMtime: fs.statSync(source).mtimeMs };
  fs.writeFileSync(marker, JSON.stringify(saved));
  return saved;
}

// PostgreSQL: this run's consumers, added to DATABASE_URL's database (orders of earlier runs use up earlier consumers' credit).
async function preparePg(): Promise<{ emails: string[]; productId: number }> {
  console.log(`Preparing ${describeDatabase()} (migrate, consumers)…`);
  const db = openDb();
  try {
    return await addBenchData(db, `bench-${Date.now().toString(36)}`);
  } finally {
    await closeDb(db);
  }
}
const prepare = () => (engineKind() === "pg" ? preparePg() : prepareBase());

// 2. A tiny keep-alive HTTP client (no dependencies, little CPU: the server shares the machine with it).
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 4 });
type Reply = { status: number; body: string; cookies: string[] };
function request(method: "GET" | "POST", urlPath: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        method,
        path: urlPath,
        agent,
        headers: { host: `localhost:${PORT}`, ...headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cookies: res.headers["set-cookie"] ?? [] }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function absorb(jar: Map<string, string>, cookies: string[]) {
  for (const c of cookies) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}

// A real credentials sign-in through next-auth, as the browser does it.
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await request("GET", "/api/auth/csrf", {});
  absorb(jar, csrf.cookies);
  const form = new URLSearchParams({
    csrfToken: JSON.parse(csrf.body).csrfToken,
    email,
    password: PASSWORD,
    callbackUrl: `${ORIGIN}/account`,
    json: "true",
  });
  const res = await request(
    "POST",
    "/api/auth/callback/credentials",
    { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: ORIGIN },
    form.toString(),
  );
  absorb(jar, res.cookies);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`Sign-in failed for ${email}: ${res.status} ${res.body.slice(0, 200)}`);
  return cookieHeader(jar);
}

type Result = { name: string; ok: number; errors: number; seconds: number; rps: number; p50: number; p99: number; firstError: string | null };
type Tally = { name: string; times: number[]; ok: number; errors: number; seconds: number; firstError: string | null };
const pct = (t: number[], q: number) => (t.length ? t[Math.min(t.length - 1, Math.floor(q * t.length))]! : NaN);

/** Runs `op` from every connection at once, back to back, for `seconds`; adds to `tally` unless warming up. */
async function load(op: (conn: number, seq: number) => Promise<Reply>, seconds: number, tally: Tally | null): Promise<void> {
  const end = performance.now() + seconds * 1000;
  let from = Infinity,
    to = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, conn) => {
      for (;;) {
        const start = performance.now();
        if (start >= end) return;
        const reply = await op(conn, sequence++).catch((e: Error) => ({ status: 0, body: e.message, cookies: [] }));
        const done = performance.now();
        if (!tally) continue;
        from = Math.min(from, start);
        to = Math.max(to, done);
        if (reply.status === 200) {
          tally.ok++;
          tally.times.push(done - start);
        } else {
          tally.errors++;
          tally.firstError ??= `${reply.status} ${reply.body.slice(0, 300)}`;
        }
      }
    }),
  );
  if (tally) tally.seconds += (to - from) / 1000;
}
let sequence = 0;

function summary(t: Tally): Result {
  t.times.sort((a, b) => a - b);
  return {
    name: t.name,
    ok: t.ok,
    errors: t.errors,
    seconds: t.seconds,
    rps: t.ok / t.seconds,
    p50: pct(t.times, 0.5),
    p99: pct(t.times, 0.99),
    firstError: t.firstError,
  };
}

async function waitForServer(child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("The server exited; see .scratch/bench-http-server.log");
    const up = await request("GET", "/api/health", {}).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not answer /api/health");
}

// --- run ---
if (args.includes("--prepare-only")) {
  console.log(await prepare());
  process.exit(0);
}
if (args.includes("--build") || !fs.existsSync(path.join(distDir, "BUILD_ID"))) {
  console.log("Building (next build)…");
  const built = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) process.exit(1);
}
const setup = await prepare();
if (engineKind() === "sqlite") copyDb(base, runFile);
const logFile = fs.openSync(path.join(scratch, "bench-http-server.log"), "w");
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
const server = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  detached: true,
  stdio: ["ignore", logFile, logFile],
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: engineKind() === "pg" ? databaseUrl() : `file:${runFile}`,
    AUTH_SECRET: "bench-secret-not-for-production",
    NEXTAUTH_URL: ORIGIN,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    HOUFU_CREDIT_JOBS: "off",
    NEXT_DIST_DIR: distDir,
  },
});
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {}
};
process.on("exit", stop);

let results: Result[] = [];
try {
  await waitForServer(server);
  const sessions: string[] = [];
  for (const email of setup.emails.slice(0, CONNECTIONS)) sessions.push(await signIn(email));
  const runId = Date.now().toString(36);
  const json = { "content-type": "application/json", origin: ORIGIN };
  const ping = (conn: number) => request("GET", "/api/trpc/health.ping", { cookie: sessions[conn]!, origin: ORIGIN });
  const order = (conn: number, seq: number) =>
    request(
      "POST",
      "/api/trpc/shop.placeOrder",
      { ...json, cookie: sessions[conn]! },
      JSON.stringify({
        json: {
          idempotencyKey: `bench-${runId}-${conn}-${seq}`,
          lines: [{ productId: setup.productId, quantity: 1 }],
          paymentMethod: "pay_later",
          planCode: "pay_in_3",
          shippingName: `Bench Consumer ${conn}`,
          shippingPhone: "138 0013 8000",
          shippingAddress: "88 Century Avenue, Pudong, Shanghai",
        },
      }),
    );
  // Warm both paths up (JIT, route modules, caches), then alternate short rounds so that the machine's
  // changing load falls on both alike; each figure is the total over its rounds.
  await load(ping, WARMUP_SECONDS, null);
  await load(order, WARMUP_SECONDS, null);
  const floorTally: Tally = { name: "floor: health.ping", times: [], ok: 0, errors: 0, seconds: 0, firstError: null };
  const orderTally: Tally = { name: "checkout: shop.placeOrder (pay later)", times: [], ok: 0, errors: 0, seconds: 0, firstError: null };
  for (let round = 0; round < ROUNDS; round++) {
    await load(ping, SECONDS / ROUNDS, floorTally);
    await load(order, SECONDS / ROUNDS, orderTally);
  }
  results = [summary(floorTally), summary(orderTally)];
} finally {
  stop();
}

const [floor, checkout] = results as [Result, Result];
const ratio = checkout.rps / floor.rps;
const f = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  `\n${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} alternating rounds after ${WARMUP_SECONDS} s warm-up each; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
for (const r of results)
  console.log(
    `${r.name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${f(r.p50)}  p99 ${f(r.p99)}  ok ${r.ok}  errors ${r.errors}${r.firstError ? `  first error: ${r.firstError}` : ""}`,
  );
const rows: Row[] = [
  { scenario: "http", metric: `floor: health.ping req/s (${CONNECTIONS} conns)`, value: floor.rps.toFixed(0), target: "—", met: null },
  { scenario: "http", metric: "floor p50 / p99", value: `${f(floor.p50)} / ${f(floor.p99)}`, target: "—", met: null },
  { scenario: "http", metric: `placeOrder req/s (${CONNECTIONS} sessions)`, value: checkout.rps.toFixed(0), target: "—", met: null },
  { scenario: "http", metric: "placeOrder p50", value: f(checkout.p50), target: "—", met: null },
  { scenario: "http", metric: "placeOrder p99", value: f(checkout.p99), target: "≤ 100 ms", met: checkout.p99 <= 100 },
  { scenario: "http", metric: "placeOrder errors", value: String(checkout.errors), target: "0", met: checkout.errors === 0 },
  { scenario: "http", metric: "throughput ratio (placeOrder / floor)", value: ratio.toFixed(2), target: "≥ 0.70", met: ratio >= 0.7 },
];
printTable(rows);
writeResults("http", rows, {
  connections: CONNECTIONS,
  seconds: SECONDS,
  database: engineKind() === "pg" ? describeDatabase() : source,
  loadAverage: os.loadavg(),
  runs: results,
});
process.exit(0);
