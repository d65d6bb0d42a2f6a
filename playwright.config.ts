import { defineConfig, devices } from "@playwright/test";

// E2E_ENGINE=pg: the engine journeys (tagged @engines) against the app on PostgreSQL, in a database
// named houfu_e2e_<port> on the server TEST_DATABASE_URL names, reusing the SQLite run's build.
const onPostgres = process.env.E2E_ENGINE === "pg";
const PORT = Number(process.env.E2E_PORT ?? (onPostgres ? 3101 : 3100));
const baseURL = `http://localhost:${PORT}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function e2eDatabaseUrl(): string {
  if (!onPostgres) return process.env.E2E_DATABASE_URL ?? "file:data/e2e.db";
  if (!process.env.TEST_DATABASE_URL) throw new Error("E2E_ENGINE=pg needs TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db");
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/houfu_e2e_${PORT}`;
  return url.toString();
}

export default defineConfig({
  testDir: "./e2e",
  // Journeys share one seeded database and reset it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // setup signs each seeded account in once (e2e/auth.setup.ts); the journeys reuse those sessions.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `${onPostgres ? "" : "npx next build && "}npx tsx scripts/seed.ts && npx next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      DATABASE_URL: e2eDatabaseUrl(),
      AUTH_SECRET: "e2e-secret-not-for-production",
      NEXTAUTH_URL: baseURL,
      HOUFU_E2E_RESET: "1",
      // The webhook journey's receiver listens on 127.0.0.1; deliveries run every 2 s.
      HOUFU_WEBHOOKS_ALLOW_PRIVATE: "1",
      HOUFU_WEBHOOKS_EVERY_S: "2",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      NEXT_DIST_DIR: distDir,
    },
  },
});
