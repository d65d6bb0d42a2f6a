// "server-only" throws outside React Server Components; unit and integration tests import server code directly.
import { vi } from "vitest";

vi.mock("server-only", () => ({}));
process.env.TZ_PLATFORM ??= "Asia/Shanghai";
// The schema's tables are the run's engine's (db/schema/index.ts reads DATABASE_URL); each test opens its own database.
process.env.DATABASE_URL =
  process.env.HOUFU_TEST_ENGINE === "pg" ? (process.env.TEST_DATABASE_URL ?? "postgres://unset/unset") : "file:unused-by-tests.db";
