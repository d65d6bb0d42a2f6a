// Shared by scripts/load.ts and scripts/crash.ts: a production server on its own port and database (a SQLite
// file of its own, or the PostgreSQL database DATABASE_URL names), signed-in HTTP sessions (next-auth
// credentials), and tRPC calls over HTTP (superjson envelope). 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { parseDatabaseUrl } from "@/db/engine";
import { seedDemo, wipeDatabase } from "@/scripts/seed/demo";
import { systemClock } from "@/server/clock";
import { refuseRemote } from "../database";

export const HOST = "127.0.0.1";

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/**
 * A fresh migrated and seeded database: a SQLite file made anew (WAL side files removed too), or a PostgreSQL
 * database emptied (only on this machine, unless --force).
 */
export async function freshDatabase(url: string): Promise<void> {
  const config = parseDatabaseUrl(url);
  if (config.kind === "sqlite") for (const f of [config.file, `${config.file}-wal`, `${config.file}-shm`]) fs.rmSync(f, { force: true });
  else refuseRemote(url, "empty and reseed");
  const db = openDb(url);
  try {
    await migrateDb(db);
    if (config.kind === "pg") await wipeDatabase(db);
    await seedDemo(db, systemClock.now());
  } finally {
    await closeDb(db);
  }
}

/** Builds into `distDir` unless a production build is already there. */
export function ensureBuild(distDir: string): void {
  if (fs.existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log(`building into ${distDir} (no build found)…`);
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`next build failed (${r.status})`);
}

export type Server = {
  proc: ChildProcess;
  base: string;
  log: string[];
  /** The server's own credit-job runs, read from its log: ran, skipped (lease held elsewhere), fenced. */
  jobRuns: { ran: number; skipped: number; fenced: number; failed: number };
};

// Servers are detached (own process group); never leave one behind if this script dies early.
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const proc of live) {
    try {
      if (proc.exitCode === null && proc.signalCode === null) process.kill(-proc.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/**
 * `count` production servers on consecutive ports over one database. With `jobsEverySeconds`, each runs the credit
 * jobs on its own schedule that often (every server may; the lease lets one run at a time).
 */
export async function startServers(opts: {
  count: number;
  port: number;
  url: string;
  distDir: string;
  jobsEverySeconds?: number;
}): Promise<Server[]> {
  return Promise.all(Array.from({ length: opts.count }, (_, i) => startServer({ ...opts, port: opts.port + i })));
}

export async function startServer(opts: { port: number; url: string; distDir: string; jobsEverySeconds?: number }): Promise<Server> {
  const base = `http://${HOST}:${opts.port}`;
  const log: string[] = [];
  const busy = await fetch(`${base}/api/health`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`something already answers on ${base}; pass a free --port`);
  const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(opts.port), "-H", HOST], {
    detached: true, // its own process group, so a SIGKILL reaches next's workers and nothing else
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "reliability-secret-not-for-production",
      NEXTAUTH_URL: base,
      // The driver stands in for a proxy in front of many clients (Session's X-Forwarded-For), so the per-address
      // sign-up and sign-in throttles see many addresses, as they would in production.
      TRUSTED_PROXIES: "127.0.0.1",
      NEXT_DIST_DIR: opts.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // info: the credit jobs' one line per run, counted below.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      ...(opts.jobsEverySeconds ? { HOUFU_CREDIT_JOBS_EVERY_S: String(opts.jobsEverySeconds) } : {}),
    },
  });
  live.add(proc);
  proc.once("exit", () => live.delete(proc));
  const jobRuns = { ran: 0, skipped: 0, fenced: 0, failed: 0 };
  const keep = (b: Buffer) => {
    const text = b.toString();
    jobRuns.ran += count(text, '"msg":"credit jobs ran"');
    jobRuns.skipped += count(text, '"msg":"credit jobs skipped');
    jobRuns.fenced += count(text, '"msg":"credit jobs fenced');
    jobRuns.failed += count(text, '"msg":"credit jobs failed"');
    log.push(text);
    if (log.length > 200) log.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log.join("")}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { proc, base, log, jobRuns };
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  killServer({ proc, base, log, jobRuns });
  throw new Error(`server did not become healthy on ${base}:\n${log.join("")}`);
}

/** SIGKILL the server's whole process group (only the group we started). */
export function killServer(server: Server, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  return new Promise((resolve) => {
    if (server.proc.exitCode !== null || server.proc.signalCode !== null) return resolve();
    server.proc.once("exit", () => resolve());
    try {
      process.kill(-server.proc.pid!, signal);
    } catch {
      resolve();
    }
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Requests sent to each server, in flight there right now, and dropped mid-request (kept by every Session). */
export const traffic = { sent: new Map<string, number>(), inFlight: new Map<string, number>(), dropped: new Map<string, number>() };
const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

export class TrpcError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

let sessionsMade = 0;
/** A distinct client address per session, from the benchmarking range 198.18.0.0/15. */
const nextClientAddress = () => {
  const n = sessionsMade++;
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
};

/**
 * One browser-like session from its own client address: a cookie jar, next-auth sign-in, tRPC calls. Given several
 * servers (all signing the same sessions), it talks to `bases[0]` and, like a load balancer, moves to the next one
 * once a server stops answering; the request that found it gone fails (a dropped connection is the client's to retry).
 */
export class Session {
  private cookies = new Map<string, string>();
  private bases: string[];
  constructor(
    bases: string | string[],
    public clientAddress: string = nextClientAddress(),
  ) {
    this.bases = Array.isArray(bases) ? [...bases] : [bases];
  }

  get base(): string {
    return this.bases[0]!;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  async request(pathname: string, init: RequestInit = {}, attempt = 0): Promise<Response> {
    const base = this.base;
    bump(traffic.sent, base);
    bump(traffic.inFlight, base);
    try {
      const res = await fetch(`${base}${pathname}`, {
        ...init,
        redirect: "manual",
        headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(), origin: base, "x-forwarded-for": this.clientAddress },
      });
      this.keep(res);
      return res;
    } catch (error) {
      const refused = (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
      if (this.bases.length > 1 && this.bases[0] === base) this.bases.push(this.bases.shift()!);
      // Refused: the request never reached a server, so (as a load balancer does) it goes to the next one.
      if (refused && attempt < this.bases.length - 1) return this.request(pathname, init, attempt + 1);
      bump(traffic.dropped, base);
      throw error;
    } finally {
      bump(traffic.inFlight, base, -1);
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const { csrfToken } = (await (await this.request("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    });
    await res.text();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  }

  async mutation<T = unknown>(proc: string, input?: unknown): Promise<T> {
    const res = await this.request(`/api/trpc/${proc}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input === undefined ? {} : { json: input }),
    });
    return unwrap<T>(res, proc);
  }

  async query<T = unknown>(proc: string, input?: unknown): Promise<T> {
    const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return unwrap<T>(await this.request(`/api/trpc/${proc}${q}`), proc);
  }
}

async function unwrap<T>(res: Response, proc: string): Promise<T> {
  const text = await res.text();
  let body: { result?: { data?: { json?: T } }; error?: { json?: { message?: string; data?: { code?: string } } } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new TrpcError(res.status, res.status >= 500 ? "INTERNAL_SERVER_ERROR" : "UNPARSEABLE", `${proc}: ${res.status} ${text.slice(0, 200)}`);
  }
  if (body.error) throw new TrpcError(res.status, body.error.json?.data?.code ?? "UNKNOWN", `${proc}: ${body.error.json?.message}`);
  return body.result?.data?.json as T;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}
