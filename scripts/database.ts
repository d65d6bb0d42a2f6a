// The database a script works on: named for a person (never with its password), given on the command line,
// and the guard before a script empties one.
import { databaseUrl, engineKind, parseDatabaseUrl } from "@/db/engine";

/** The SQLite file, or "PostgreSQL host:port/database" (the URL without its user and password). */
export function describeDatabase(url: string = databaseUrl()): string {
  const config = parseDatabaseUrl(url);
  if (config.kind === "sqlite") return config.file;
  const parsed = new URL(config.connectionString);
  return `PostgreSQL ${parsed.host}${parsed.pathname}`;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Whether the database is on this machine (a SQLite file always is). */
export function isLocalDatabase(url: string = databaseUrl()): boolean {
  const config = parseDatabaseUrl(url);
  return config.kind === "sqlite" || LOCAL_HOSTS.has(new URL(config.connectionString).hostname);
}

/** Exits (1) before `what` (e.g. "seed") would empty a PostgreSQL database on another host, unless --force was passed. */
export function refuseRemote(url: string, what: string): void {
  if (isLocalDatabase(url) || process.argv.includes("--force")) return;
  console.error(`Refusing to ${what} ${describeDatabase(url)}: not on this machine (localhost, 127.0.0.1 or ::1). Pass --force if you mean it.`);
  process.exit(1);
}

/**
 * A database named on the command line: a URL, or the path of a SQLite file. Without one: `sqliteFile` when this
 * process runs on SQLite (a script's own scratch file), else DATABASE_URL. The engine is always DATABASE_URL's
 * (the process's tables are that engine's), so a URL of the other engine is refused.
 */
export function databaseArg(value: string | undefined, sqliteFile?: string): string {
  if (!value) return sqliteFile && engineKind() === "sqlite" ? `file:${sqliteFile}` : databaseUrl();
  const url = /^(file:|postgres(ql)?:\/\/)/.test(value) ? value : `file:${value}`;
  const kind = parseDatabaseUrl(url, "the database argument").kind;
  if (kind !== engineKind())
    throw new Error(
      `The database argument is ${kind === "pg" ? "PostgreSQL" : "SQLite"} but DATABASE_URL is not: set DATABASE_URL to choose the engine.`,
    );
  return url;
}
