// `npm run load -- [--large] [--servers 2] [--port 3311] [--dist .next] [--db file-or-url] [--force]`: concurrency
// over HTTP against built production servers. Starts `--servers` × `next start` on consecutive ports from 127.0.0.1
// over one fresh database (SQLite: a file of its own; PostgreSQL: DATABASE_URL's database, emptied and reseeded,
// on this machine unless --force), each running the credit jobs every few seconds, spreads signed-in consumers
// across them, fires concurrent pay-later checkouts (some idempotency keys replayed at once), racing repayments and
// two more credit-job runs at once, then checks every money invariant and that no replayed key made a second order.
// Exits non-zero on any failure.
import { arg, ensureBuild, freshDatabase, killServer, startServers, traffic } from "./reliability/harness";
import { check, driveLoad, LARGE, pickProduct, SMALL, summary } from "./reliability/drive-load";
import { databaseArg, describeDatabase } from "./database";

const large = process.argv.includes("--large");
const count = Number(arg("servers", "1"));
const port = Number(arg("port", process.env.LOAD_PORT ?? "3311"));
const distDir = arg("dist", process.env.NEXT_DIST_DIR ?? ".next");
const url = databaseArg(arg("db", ""), `data/load-${port}.db`);

const started = Date.now();
ensureBuild(distDir);
await freshDatabase(url);
const product = await pickProduct(url);
const servers = await startServers({ count, port, url, distDir, jobsEverySeconds: count > 1 ? 2 : undefined });
let failed = false;
try {
  const stats = await driveLoad({
    bases: servers.map((s) => s.base),
    url,
    size: large ? LARGE : SMALL,
    product,
    jobsAt: new Date(Date.now() + 40 * 86_400_000),
  });
  const { violations, duplicateKeys } = await check(url, stats);
  console.log(
    `load (${large ? "large" : "small"}) against ${count} server(s) on ${describeDatabase(url)}, ${((Date.now() - started) / 1000).toFixed(1)} s:\n  ${summary(stats)}`,
  );
  for (const s of servers)
    console.log(
      `  ${s.base}: ${traffic.sent.get(s.base) ?? 0} requests; its own credit-job runs: ${s.jobRuns.ran} ran, ${s.jobRuns.skipped} skipped (lease held elsewhere), ${s.jobRuns.fenced} fenced, ${s.jobRuns.failed} failed`,
    );
  console.log(`  invariant violations: ${violations.length}; duplicate orders for a key: ${duplicateKeys.length}`);
  for (const v of violations) console.error(`VIOLATION ${v.invariant}: ${v.detail}`);
  for (const d of duplicateKeys) console.error(`DUPLICATE ${d}`);
  for (const e of stats.internalErrors.slice(0, 10)) console.error(`INTERNAL ${e}`);
  const jobFailures = servers.reduce((n, s) => n + s.jobRuns.failed, 0);
  failed =
    violations.length > 0 ||
    duplicateKeys.length > 0 ||
    stats.internalErrors.length > 0 ||
    stats.networkErrors > 0 ||
    stats.ordersPlaced === 0 ||
    stats.replays === 0 ||
    jobFailures > 0 ||
    servers.some((s) => (traffic.sent.get(s.base) ?? 0) === 0);
} finally {
  await Promise.all(servers.map((s) => killServer(s, "SIGTERM")));
}
if (failed) {
  console.error("load: FAILED");
  process.exit(1);
}
console.log("load: ok");
