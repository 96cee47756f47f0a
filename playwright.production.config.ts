// The production server on an operator's kind of database: `npm start` with DATABASE_URL set to
// an empty database of the PostgreSQL server from Debian's packages, so it runs the standalone
// build (what the Dockerfile ships) with no demo data. `npm test` (its "debian" phase) starts
// that server's cluster, creates the database and runs this config with
// PRODUCTION_E2E_DATABASE_URL; the specs are e2e/production/*.prod.ts.
import { defineConfig } from "@playwright/test";
import { browserUse, stopServerOnSigterm } from "./e2e/helpers/playwright-base";
import { currentRun } from "./e2e/helpers/run";
import { PRODUCTION_METRICS_TOKEN, productionDatabaseUrl } from "./e2e/production/environment";

const run = currentRun();

stopServerOnSigterm();

export default defineConfig({
  testDir: "./e2e/production",
  testMatch: /.*\.prod\.ts$/,
  outputDir: "./test-results/production",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: browserUse(run.baseURL),
  webServer: {
    command: "npm start",
    url: `${run.baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 5 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(run.port),
      JIVAPAY_DATA_DIR: run.dir,
      DATABASE_URL: productionDatabaseUrl(),
      NEXTAUTH_URL: run.baseURL,
      METRICS_TOKEN: PRODUCTION_METRICS_TOKEN,
      NEXT_TELEMETRY_DISABLED: "1",
      // One JSON access line per request would drown the test report; warnings and errors stay.
      LOG_LEVEL: "warn",
    },
  },
});
