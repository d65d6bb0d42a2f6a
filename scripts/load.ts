// `npm run load -- [--large] [--port 3311] [--dist .next]`: concurrency over HTTP against the built production server.
// Starts `next start` on 127.0.0.1 with its own fresh database file, signs in many consumers, fires concurrent
// pay-later checkouts (some idempotency keys replayed at once), racing repayments and two credit-job runs at once,
// then checks every money invariant and that no replayed key made a second order. Exits non-zero on any failure.
import { arg, ensureBuild, freshDatabase, killServer, startServer } from "./reliability/harness";
import { check, driveLoad, LARGE, pickProduct, SMALL, summary } from "./reliability/drive-load";

const large = process.argv.includes("--large");
const port = Number(arg("port", process.env.LOAD_PORT ?? "3311"));
const distDir = arg("dist", process.env.NEXT_DIST_DIR ?? ".next");
const dbFile = arg("db", `data/load-${port}.db`);

const started = Date.now();
ensureBuild(distDir);
await freshDatabase(dbFile);
const productId = pickProduct(dbFile);
const server = await startServer({ port, dbFile, distDir });
let failed = false;
try {
  const stats = await driveLoad({ base: server.base, dbFile, size: large ? LARGE : SMALL, productId, jobsAt: new Date(Date.now() + 40 * 86_400_000) });
  const { violations, duplicateKeys } = check(dbFile, stats);
  console.log(`load (${large ? "large" : "small"}) against ${server.base}, ${((Date.now() - started) / 1000).toFixed(1)} s:\n  ${summary(stats)}`);
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
