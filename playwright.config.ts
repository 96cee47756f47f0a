// End-to-end tests: a system Chromium drives the real app (`npm start`: production build,
// next start) on its own port, backed by its own freshly created, migrated and seeded embedded
// PostgreSQL under .tmp/e2e-<timestamp>/. Playwright starts the app before the tests and stops
// it (and with it the database) afterwards.
import { defineConfig } from "@playwright/test";
import { browserUse, stopServerOnSigterm } from "./e2e/helpers/playwright-base";
import { currentRun } from "./e2e/helpers/run";
import { E2E_METRICS_TOKEN } from "./e2e/helpers/metrics";

const CI = !!process.env.CI;
const run = currentRun();

stopServerOnSigterm();

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: CI,
  // 2-core machines: the app, its database and the browsers share them.
  workers: 2,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: browserUse(run.baseURL),
  projects: [
    // Signs every demo user in once and stores the sessions for the role specs.
    { name: "setup", testMatch: /.*\.setup\.ts$/ },
    { name: "chromium", dependencies: ["setup"] },
  ],
  webServer: run.ownServer
    ? {
        command: "npm start",
        url: `${run.baseURL}/api/health`,
        // A fresh server every run, so every run sees a freshly migrated and seeded database.
        reuseExistingServer: false,
        // The first run builds the app (next build) before serving.
        timeout: 5 * 60_000,
        stdout: "pipe",
        stderr: "pipe",
        // SIGTERM lets scripts/start.ts stop next and the embedded PostgreSQL cleanly.
        gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
        env: {
          PORT: String(run.port),
          JIVAPAY_DATA_DIR: run.dir,
          EMBEDDED_DB_PORT: String(run.dbPort),
          // Never a database from the caller's environment: always the run's own embedded one.
          DATABASE_URL: "",
          NEXTAUTH_URL: run.baseURL,
          NEXT_TELEMETRY_DISABLED: "1",
          METRICS_TOKEN: E2E_METRICS_TOKEN,
        },
      }
    : undefined,
});
