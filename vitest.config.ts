import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// unit: pure code, no database. integration: everything that opens one, on SQLite by default and on
// PostgreSQL with HOUFU_TEST_ENGINE=pg and TEST_DATABASE_URL (npm run test:integration:pg).
const onPostgres = process.env.HOUFU_TEST_ENGINE === "pg";

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    setupFiles: ["tests/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: [
            "server/**/*.test.ts",
            "lib/**/*.test.ts",
            "tests/i18n-*.test.ts",
            "tests/bundle-hygiene.test.ts",
            "tests/schema-parity.test.ts",
            "tests/architecture.test.ts",
          ],
          exclude: ["tests/i18n-localise.test.ts"],
          setupFiles: ["tests/setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/**/*.test.ts", "db/**/*.test.ts"],
          exclude: [
            "tests/i18n-locales.test.ts",
            "tests/i18n-staff.test.ts",
            "tests/bundle-hygiene.test.ts",
            "tests/schema-parity.test.ts",
            "tests/architecture.test.ts",
            ...(onPostgres ? ["db/checkpointer.test.ts", "db/sqlite-connections.test.ts"] : []),
          ],
          setupFiles: ["tests/setup.ts"],
          globalSetup: ["tests/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
