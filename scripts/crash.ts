// `npm run crash -- [--large] [--rounds 3] [--servers 2] [--port 3312] [--dist .next] [--db file-or-url] [--force]`:
// crash safety of production servers over one database (SQLite: a file of its own; PostgreSQL: DATABASE_URL's
// database, emptied and reseeded first, on this machine unless --force). Each round drives load (checkouts,
// replays, repayments, job runs) and SIGKILLs a server mid-flight once orders are being written:
// - one server: the only one; the round's load ends there, and the invariants are checked on what is left;
// - several: one of them, while the others keep serving (clients move to them as from a load balancer); the
//   clients may see errors only for requests that were in flight on the killed server; it is then restarted.
// On PostgreSQL a last round terminates every server connection (pg_terminate_backend) twice under load: the
// servers must reconnect by themselves, with nothing lost or doubled. After the last round every server must serve.
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { closeDb, openDb } from "@/db/client";
import { parseDatabaseUrl } from "@/db/engine";
import { rows } from "@/db/query";
import { arg, ensureBuild, freshDatabase, killServer, Session, sleep, startServer, startServers, traffic, type Server } from "./reliability/harness";
import { check, driveLoad, LARGE, pickProduct, summary, type LoadSize, type LoadStats } from "./reliability/drive-load";
import { databaseArg, describeDatabase } from "./database";

const large = process.argv.includes("--large");
const rounds = Number(arg("rounds", "3"));
const count = Number(arg("servers", "1"));
const port = Number(arg("port", process.env.CRASH_PORT ?? "3312"));
const distDir = arg("dist", process.env.NEXT_DIST_DIR ?? ".next");
const url = databaseArg(arg("db", ""), `data/crash-${port}.db`);
const size: LoadSize = large ? LARGE : { consumers: 10, checkoutsEach: 4, concurrency: 8 };
const onPostgres = parseDatabaseUrl(url).kind === "pg";

const started = Date.now();
ensureBuild(distDir);
await freshDatabase(url);
const product = await pickProduct(url);
console.log(`crash: ${rounds} round(s), ${count} server(s), on ${describeDatabase(url)}`);
let failures = 0;
const fail = (why: string) => {
  console.error(`FAILED: ${why}`);
  failures++;
};
const jobsAt = () => new Date(Date.now() + 40 * 86_400_000); // the job runs find overdue instalments to charge

async function judge(stats: LoadStats, label: string): Promise<void> {
  const { violations, duplicateKeys } = await check(url, stats);
  console.log(`  ${label}: invariant violations ${violations.length}, duplicate orders for a key ${duplicateKeys.length}`);
  for (const v of violations) console.error(`VIOLATION ${v.invariant}: ${v.detail}`);
  for (const d of duplicateKeys) console.error(`DUPLICATE ${d}`);
  if (violations.length || duplicateKeys.length) fail(`${label}: money invariants broken`);
  if (stats.ordersPlaced === 0) fail(`${label}: no order was placed`);
}

let servers: Server[] = count > 1 ? await startServers({ count, port, url, distDir, jobsEverySeconds: 2 }) : [];

for (let round = 1; round <= rounds; round++) {
  if (count === 1) servers = [await startServer({ port, url, distDir })];
  const victim = servers[(round - 1) % servers.length]!;
  const killAfterOrders = (large ? 200 : 4) + round * 3;
  // In flight when it died: those outstanding at the signal, and those sent to it before it was gone.
  let inFlightAtKill = 0;
  let killed: Promise<void> | undefined;
  const kill = () => {
    if (!killed) {
      inFlightAtKill = traffic.inFlight.get(victim.base) ?? 0;
      const sentBefore = traffic.sent.get(victim.base) ?? 0;
      killed = killServer(victim, "SIGKILL").then(() => {
        inFlightAtKill += (traffic.sent.get(victim.base) ?? 0) - sentBefore;
      });
    }
    return killed;
  };
  const droppedBefore = new Map(servers.map((s) => [s.base, traffic.dropped.get(s.base) ?? 0]));
  const fallback = setTimeout(kill, large ? 120_000 : 20_000); // kill even if orders never reach the threshold
  const stats = await driveLoad({
    bases: servers.map((s) => s.base),
    url,
    size,
    product,
    jobsAt: jobsAt(),
    // Rounds alternate between a kill in the middle of checkouts and one in the middle of racing repayments.
    onOrder: (placed) => {
      if (round % 2 === 1 && placed >= killAfterOrders) void kill();
    },
    onRepay: (accepted) => {
      if (round % 2 === 0 && accepted >= 2) void kill();
    },
  });
  clearTimeout(fallback);
  await kill();
  const dropped = (base: string) => (traffic.dropped.get(base) ?? 0) - (droppedBefore.get(base) ?? 0);
  console.log(
    `round ${round}: SIGKILL of ${victim.base} after ${stats.ordersPlaced} orders and ${stats.repaymentsOk} repayments\n  ${summary(stats)}`,
  );
  for (const e of stats.internalErrors.slice(0, 10)) console.error(`INTERNAL ${e}`);
  if (stats.internalErrors.length) fail(`round ${round}: ${stats.internalErrors.length} internal errors`);
  if (count > 1) {
    console.log(
      `  client errors: ${dropped(victim.base)} on the killed server (${inFlightAtKill} requests were in flight there), ${servers.filter((s) => s !== victim).reduce((n, s) => n + dropped(s.base), 0)} on the others`,
    );
    for (const s of servers)
      console.log(
        `  ${s.base}: ${traffic.sent.get(s.base) ?? 0} requests so far; its credit-job runs ${s.jobRuns.ran} ran, ${s.jobRuns.skipped} skipped, ${s.jobRuns.fenced} fenced, ${s.jobRuns.failed} failed`,
      );
    if (dropped(victim.base) > inFlightAtKill) fail(`round ${round}: clients saw more errors than requests in flight on the killed server`);
    if (servers.some((s) => s !== victim && dropped(s.base) > 0)) fail(`round ${round}: a surviving server dropped requests`);
  }
  await judge(stats, `round ${round}, after the crash`);
  if (count > 1) servers[servers.indexOf(victim)] = await startServer({ port: Number(new URL(victim.base).port), url, distDir, jobsEverySeconds: 2 });
}

// The killed single server comes back over the crashed database (several: the killed one was restarted already).
if (count === 1) servers = [await startServer({ port, url, distDir })];

if (onPostgres) {
  // Every server connection cut twice while the load runs: requests caught mid-query fail, the pools reconnect.
  console.log("round db-restart: pg_terminate_backend of every server connection, twice, under load");
  const admin = openDb(url);
  let terminated = 0;
  const cut = async () => {
    const ended = await rows<{ ok: boolean }>(
      admin,
      sql`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    terminated += ended.length;
  };
  const cuts = (async () => {
    await sleep(1_500);
    await cut();
    await sleep(1_500);
    await cut();
  })();
  const stats = await driveLoad({ bases: servers.map((s) => s.base), url, size, product, jobsAt: jobsAt() });
  await cuts;
  await closeDb(admin);
  console.log(`  ${terminated} connections terminated; ${summary(stats)}`);
  console.log(`  requests that failed while their connection was cut: ${stats.internalErrors.length} (answered 500, nothing half-written)`);
  for (const s of servers) {
    const health = await fetch(`${s.base}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    console.log(`  ${s.base} health after the cuts: ${health}`);
    if (health !== 200) fail(`${s.base} did not reconnect`);
  }
  if (terminated === 0) fail("no connection was terminated");
  await judge(stats, "after the connection cuts");
}

// Every server serves a signed-in consumer.
try {
  for (const server of servers) {
    const alice = new Session(server.base);
    await alice.signIn("alice@example.com", "houfu-demo-2026");
    const bills = await alice.query<{ bills: unknown[] }>("bills.list");
    console.log(`${server.base} serves after the crashes: alice sees ${bills.bills.length} bill(s)`);
  }
} catch (e) {
  fail(`a server did not serve after the crashes: ${String(e)}`);
} finally {
  await Promise.all(servers.map((s) => killServer(s, "SIGTERM")));
}
const final = await check(url);
if (final.violations.length) fail("final invariants");
// And the same through `npm run verify`, as an operator would after a crash.
const verify = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});
if (verify.status !== 0) fail("npm run verify");
console.log(`crash: ${rounds} round(s) in ${((Date.now() - started) / 1000).toFixed(1)} s, final invariant violations ${final.violations.length}`);
if (failures) {
  console.error(`crash: FAILED (${failures})`);
  process.exit(1);
}
console.log("crash: ok");
