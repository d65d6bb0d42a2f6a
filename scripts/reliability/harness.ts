// Shared by scripts/load.ts and scripts/crash.ts: a production server on its own port and database (a SQLite
// file of its own, or the PostgreSQL database DATABASE_URL names), signed-in HTTP sessions (next-auth
// credentials), and tRPC calls over HTTP (superjson envelope). 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { parseDatabaseUrl } from "@/db/engine";
import { seedDemo, wipeDatabase } from "@/db/seed";
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

export type Server = { proc: ChildProcess; base: string; log: string[] };

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

export async function startServer(opts: { port: number; url: string; distDir: string }): Promise<Server> {
  const base = `http://${HOST}:${opts.port}`;
  const log: string[] = [];
  const busy = await fetch(`${base}/api/health`).then(() => true, () => false);
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
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  });
  live.add(proc);
  proc.once("exit", () => live.delete(proc));
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log.join("")}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { proc, base, log };
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  killServer({ proc, base, log });
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

export class TrpcError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

let sessionsMade = 0;
/** A distinct client address per session, from the benchmarking range 198.18.0.0/15. */
const nextClientAddress = () => {
  const n = sessionsMade++;
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
};

/** One browser-like session from its own client address: a cookie jar, next-auth sign-in, tRPC calls. */
export class Session {
  private cookies = new Map<string, string>();
  constructor(
    public base: string,
    public clientAddress: string = nextClientAddress(),
  ) {}

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

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(`${this.base}${pathname}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(), origin: this.base, "x-forwarded-for": this.clientAddress },
    });
    this.keep(res);
    return res;
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
