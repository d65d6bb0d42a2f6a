// drizzle-kit for the PostgreSQL twin (db/schema/pg.ts): `npm run db:generate` writes both engines' migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg.ts",
  out: "./db/migrations/pg",
});
