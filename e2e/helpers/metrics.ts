/** The METRICS_TOKEN the e2e app runs with (playwright.config.ts), so specs can scrape /api/metrics. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
