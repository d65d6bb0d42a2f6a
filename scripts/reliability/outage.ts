// `npm run test:reliability:pg` runs this after load and crash: a server on PostgreSQL whose database connection
// goes through a TCP relay that is cut and restored. /api/health must answer 503 while the database is
// unreachable and 200 again once it is back, with no restart. Then a graceful shutdown: SIGTERM while requests
// are in flight must let every one of them finish, then close the pool and exit.
import net from "node:net";
import { arg, ensureBuild, freshDatabase, killServer, Session, sleep, startServer } from "./harness";
import { databaseUrl, parseDatabaseUrl } from "@/db/engine";

const port = Number(arg("port", "3325"));
const distDir = arg("dist", process.env.NEXT_DIST_DIR ?? ".next");
const target = new URL(parseDatabaseUrl(databaseUrl()).kind === "pg" ? databaseUrl() : "");

/** A relay from a local port to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
async function relay(to: URL) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(to.port || 5432), to.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function healthWithin(base: string, status: number, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const seen = await fetch(`${base}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (seen === status) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`${base}/api/health did not answer ${status} within ${ms} ms`);
}

ensureBuild(distDir);
await freshDatabase(target.toString());
const proxy = await relay(target);
const viaRelay = new URL(target);
viaRelay.hostname = "127.0.0.1";
viaRelay.port = String(proxy.port);
const server = await startServer({ port, url: viaRelay.toString(), distDir });
let failed = false;
try {
  proxy.cut();
  console.log(`outage: database unreachable → health 503 after ${await healthWithin(server.base, 503, 10_000)} ms`);
  proxy.restore();
  console.log(`outage: database back → health 200 after ${await healthWithin(server.base, 200, 20_000)} ms, no restart`);

  // Graceful shutdown: SIGTERM once the server has begun answering a burst; what it had accepted must finish.
  const alice = new Session(server.base);
  await alice.signIn("alice@example.com", "houfu-demo-2026");
  let signalledAt = Infinity;
  let firstAnswer!: () => void;
  const answering = new Promise<void>((resolve) => (firstAnswer = resolve));
  const burst = Array.from({ length: 30 }, () =>
    alice.request("/api/trpc/bills.list").then(
      async (r) => {
        firstAnswer();
        await r.text();
        return { status: r.status, after: Date.now() > signalledAt };
      },
      () => ({ status: 0, after: true }),
    ),
  );
  // "close", not "exit": the server's last log lines arrive after it exits.
  const exited = new Promise<number | null>((resolve) => server.proc.once("close", (code) => resolve(code)));
  await answering;
  signalledAt = Date.now();
  process.kill(-server.proc.pid!, "SIGTERM");
  const answers = await Promise.all(burst);
  const code = await exited;
  const finishedAfter = answers.filter((a) => a.status === 200 && a.after).length;
  const unanswered = answers.filter((a) => a.status !== 200).length;
  const closed = server.log.join("").includes("database closed");
  console.log(
    `shutdown: SIGTERM mid-burst → ${finishedAfter} accepted requests finished after the signal (${unanswered} not yet accepted were refused), exit code ${code}, pool closed: ${closed}`,
  );
  if (finishedAfter === 0 || !closed || code !== 143) {
    failed = true;
    console.error(server.log.join("").split("\n").slice(-8).join("\n"));
  }
} catch (error) {
  console.error(String(error));
  failed = true;
} finally {
  await killServer(server, "SIGKILL");
  await proxy.close();
}
if (failed) {
  console.error("outage: FAILED");
  process.exit(1);
}
console.log("outage: ok");
