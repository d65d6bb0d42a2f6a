// `npm run crash -- [--large] [--rounds 3] [--port 3312] [--dist .next] [--db file-or-url] [--force]`: crash safety
// of the production server. Each round starts `next start` on 127.0.0.1 over the same database (SQLite: a file of
// its own; PostgreSQL: DATABASE_URL's database, emptied and reseeded first, on this machine unless --force), drives
// load (checkouts, replays, repayments, job runs), SIGKILLs the server mid-flight once orders are being written,
// then checks every money invariant on what is left on disk. After the last round the server must start again and serve.
import { spawnSync } from "node:child_process";
import { arg, ensureBuild, freshDatabase, killServer, Session, startServer } from "./reliability/harness";
import { check, driveLoad, LARGE, pickProduct, summary, type LoadSize } from "./reliability/drive-load";
import { databaseArg, describeDatabase } from "./database";

const large = process.argv.includes("--large");
const rounds = Number(arg("rounds", "3"));
const port = Number(arg("port", process.env.CRASH_PORT ?? "3312"));
const distDir = arg("dist", process.env.NEXT_DIST_DIR ?? ".next");
const url = databaseArg(arg("db", ""), `data/crash-${port}.db`);
const size: LoadSize = large ? LARGE : { consumers: 10, checkoutsEach: 4, concurrency: 8 };

const started = Date.now();
ensureBuild(distDir);
await freshDatabase(url);
const product = await pickProduct(url);
console.log(`crash: ${rounds} round(s) on ${describeDatabase(url)}`);
let failures = 0;

for (let round = 1; round <= rounds; round++) {
  const server = await startServer({ port, url, distDir });
  const killAfterOrders = (large ? 200 : 4) + round * 3;
  let killed: Promise<void> | undefined;
  const kill = () => (killed ??= killServer(server, "SIGKILL"));
  const fallback = setTimeout(kill, large ? 120_000 : 20_000); // kill even if orders never reach the threshold
  const stats = await driveLoad({
    base: server.base,
    url,
    size,
    product,
    jobsAt: new Date(Date.now() + 40 * 86_400_000), // the job runs find overdue instalments to charge
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
  const { violations, duplicateKeys } = await check(url, stats);
  console.log(`round ${round}: SIGKILL after ${stats.ordersPlaced} orders and ${stats.repaymentsOk} repayments\n  ${summary(stats)}`);
  console.log(`  after the crash: invariant violations ${violations.length}, duplicate orders for a key ${duplicateKeys.length}`);
  for (const v of violations) console.error(`VIOLATION ${v.invariant}: ${v.detail}`);
  for (const d of duplicateKeys) console.error(`DUPLICATE ${d}`);
  for (const e of stats.internalErrors.slice(0, 10)) console.error(`INTERNAL ${e}`);
  if (violations.length || duplicateKeys.length || stats.internalErrors.length || stats.ordersPlaced === 0) failures++;
}

// The server comes back over the crashed database and serves a signed-in consumer.
const server = await startServer({ port, url, distDir });
try {
  const alice = new Session(server.base);
  await alice.signIn("alice@example.com", "houfu-demo-2026");
  const bills = await alice.query<{ bills: unknown[] }>("bills.list");
  console.log(`restarted after ${rounds} crashes: alice sees ${bills.bills.length} bill(s)`);
} catch (e) {
  console.error(`the server did not serve after the crashes: ${String(e)}`);
  failures++;
} finally {
  await killServer(server, "SIGTERM");
}
const final = await check(url);
if (final.violations.length) failures++;
// And the same through `npm run verify`, as an operator would after a crash.
const verify = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
if (verify.status !== 0) failures++;
console.log(`crash: ${rounds} round(s) in ${((Date.now() - started) / 1000).toFixed(1)} s, final invariant violations ${final.violations.length}`);
if (failures) {
  console.error(`crash: FAILED (${failures})`);
  process.exit(1);
}
console.log("crash: ok");
