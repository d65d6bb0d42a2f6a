// Creates the PostgreSQL database a URL names when the server has none by that name, so that
// `DATABASE_URL=postgres://…/houfu npm run dev` works against a fresh server. SQLite files are made on open.
import pg from "pg";
import { parseDatabaseUrl } from "./engine";

export async function ensureDatabase(url: string): Promise<void> {
  const config = parseDatabaseUrl(url);
  if (config.kind !== "pg") return;
  const target = new URL(config.connectionString);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(target);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`DATABASE_URL: cannot reach PostgreSQL at ${target.host} (${(error as Error).message}).`);
  }
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    // Byte-order collation, as SQLite sorts text: both engines list names in the same order.
    if (!rowCount)
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } catch (error) {
    // Without CREATEDB the database must already exist; connecting to it will say so if it does not.
    if ((error as { code?: string }).code !== "42501") throw error;
  } finally {
    await client.end();
  }
}
