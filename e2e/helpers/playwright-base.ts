// What both Playwright configs (playwright.config.ts: the demo app; playwright.production.config.ts:
// the production server on Debian's PostgreSQL) share.
import { devices, type PlaywrightTestConfig } from "@playwright/test";
import { CHROMIUM_ARGS, requireChromium } from "../../scripts/chromium";

/**
 * The runner stops the webServer (and with it the app's PostgreSQL) when interrupted with
 * SIGINT, but a SIGTERM (CI timeout, `kill`) ends it at once and orphans the server, which runs
 * in its own process group. Treat the first SIGTERM like Ctrl-C; a second one still kills.
 */
export function stopServerOnSigterm(): void {
  if (!process.env.TEST_WORKER_INDEX) process.once("SIGTERM", () => process.emit("SIGINT", "SIGINT"));
}

/** The system Chromium at desktop size against `baseURL`, traced on a retry, screenshots of failures. */
export function browserUse(baseURL: string): PlaywrightTestConfig["use"] {
  return {
    baseURL,
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  };
}
