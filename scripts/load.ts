// `npm run load -- [--large] [--port 3311] [--dist .next] [--db file-or-url] [--force]`: concurrency over HTTP against
// the built production server. Starts `next start` on 127.0.0.1 with a fresh database (SQLite: a file of its own;
// PostgreSQL: DATABASE_URL's database, emptied and reseeded, on this machine unless --force), signs in many
// consumers, fires concurrent pay-later checkouts (some idempotency keys replayed at once), racing repayments and
// two credit-job runs at once, then checks every money invariant and that no replayed key made a second order. Exits non-zero on any failure.
import { arg, ensureBuild, freshDatabase, killServer, startServer } from "./reliability/harness";
import { check, driveLoad, LARGE, pickProduct, SMALL, summary } from "./reliability/drive-load";
import { databaseArg, describeDatabase } from "./database";

const large = process.argv.includes("--large");
const port = Number(arg("port", process.env.LOAD_PORT ?? "3311"));
const distDir = arg("dist", process.env.NEXT_DIST_DIR ?? ".next");
const url = databaseArg(arg("db", ""), `data/load-${port}.db`);

const started = Date.now();
ensureBuild(distDir);
await freshDatabase(url);
const product = await pickProduct(url);
const server = await startServer({ port, url, distDir });
let failed = false;
try {
  const stats = await driveLoad({ base: server.base, url, size: large ? LARGE : SMALL, product, jobsAt: new Date(Date.now() + 40 * 86_400_000) });
  const { violations, duplicateKeys } = await check(url, stats);
  console.log(`load (${large ? "large" : "small"}) against ${server.base} on ${describeDatabase(url)}, ${((Date.now() - started) / 1000).toFixed(1)} s:\n  ${summary(stats)}`);
  console.log(`  invariant violations: ${violations.length}; duplicate orders for a key: ${duplicateKeys.length}`);
  for (const v of violations) console.error(`VIOLATION ${v.invariant}: ${v.detail}`);
  for (const d of duplicateKeys) console.error(`DUPLICATE ${d}`);
  for (const e of stats.internalErrors.slice(0, 10)) console.error(`INTERNAL ${e}`);
  failed = violations.length > 0 || duplicateKeys.length > 0 || stats.internalErrors.length > 0 || stats.networkErrors > 0 || stats.ordersPlaced === 0 || stats.replays === 0;
} finally {
  await killServer(server, "SIGTERM");
}
if (failed) {
  console.error("load: FAILED");
  process.exit(1);
}
console.log("load: ok");
