// Which database engine this process talks to, from DATABASE_URL: `file:…` (the default) is SQLite,
// `postgres://…` PostgreSQL. Read once; a malformed value is refused with the variable's name.
export const DEFAULT_DATABASE_URL = "file:data/houfu.db";

export type SqliteConfig = { kind: "sqlite"; file: string };
export type PgConfig = { kind: "pg"; connectionString: string; poolSize: number; statementTimeoutMs: number };
export type EngineConfig = SqliteConfig | PgConfig;

/** Parses a database URL; `variable` names where it came from, for the error a person reads. */
export function parseDatabaseUrl(url: string, variable = "DATABASE_URL"): EngineConfig {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (!file) throw new Error(`${variable} "${url}" names no file: use file:data/houfu.db (SQLite) or postgres://user:pass@host:5432/db.`);
    return { kind: "sqlite", file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${variable} is not a valid PostgreSQL URL: expected postgres://user:pass@host:5432/db.`);
    }
    if (!parsed.hostname || parsed.pathname.length <= 1)
      throw new Error(`${variable} must name a host and a database: postgres://user:pass@host:5432/db.`);
    // Houfu's own settings travel in the URL's query and are taken out before it reaches the driver.
    const poolSize = positiveInt(parsed.searchParams.get("pool_size"), 10, variable, "pool_size");
    const statementTimeoutMs = positiveInt(parsed.searchParams.get("statement_timeout"), 30_000, variable, "statement_timeout");
    parsed.searchParams.delete("pool_size");
    parsed.searchParams.delete("statement_timeout");
    return { kind: "pg", connectionString: parsed.toString(), poolSize, statementTimeoutMs };
  }
  throw new Error(`${variable} must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.slice(0, 40)}".`);
}

function positiveInt(value: string | null, fallback: number, variable: string, name: string): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${variable}: ${name} must be a positive whole number, got "${value}".`);
  return n;
}

/** The URL this process uses. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

let kind: EngineConfig["kind"] | undefined;

/** The engine of this process, fixed at first use (the schema's tables are that engine's). */
export function engineKind(): EngineConfig["kind"] {
  kind ??= parseDatabaseUrl(databaseUrl()).kind;
  return kind;
}

export const isPg = () => engineKind() === "pg";
