// The callback endpoint's health on the store page: a store of this spec's own whose endpoint
// breaker is open (as the delivery pool leaves it after a hanging endpoint, see
// lib/callbacks/fair-delivery.test.ts) shows "paused" with the next probe; a new callback URL
// starts healthy.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, submitLogin, waitForHydration } from "../helpers/cabinets";
import { withDb } from "../helpers/db";
import { createOwnMerchant } from "./merchant-data";

test("shows a paused endpoint with its next probe, and a new URL starts healthy", async ({ page }) => {
  const merchant = await createOwnMerchant(1_000_000n);
  await withDb(async (db) => {
    await db.query(`UPDATE merchant_store SET callback_url = 'https://hangs.example/hooks' WHERE id = $1`, [merchant.storeId]);
    await db.query(
      `INSERT INTO callback_endpoints (store_id, state, consecutive_failures, failing_since, opened_at, next_probe_at, last_error, updated_at)
       VALUES ($1, 'open', 7, '2026-12-05T10:00:00Z', '2026-12-05T10:00:30Z', '2026-12-05T10:01:10Z', 'timeout: no response within 10000 ms', now())`,
      [merchant.storeId],
    );
  });
  await submitLogin(page, merchant.email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/merchant");
  await page.goto(`/merchant/stores/${merchant.storeId}`);
  const health = page.locator("[data-endpoint-health]");
  await expect(health).toHaveAttribute("data-endpoint-health", "paused");
  await expect(health).toContainText("Paused since 2026-12-05 10:00 UTC");
  await expect(health).toContainText("next probe 2026-12-05 10:01 UTC");
  await expect(health).toContainText("Last error: timeout: no response within 10000 ms");

  const save = page.getByRole("button", { name: "Save URL" });
  await waitForHydration(save);
  await page.getByLabel("URL", { exact: true }).fill("https://new-endpoint.example/hooks");
  await save.click();
  await expect(page.getByText("Callback URL saved.")).toBeVisible();
  await page.reload();
  await expect(page.locator("[data-endpoint-health]")).toHaveAttribute("data-endpoint-health", "healthy");
  await expect(page.locator("[data-endpoint-health]")).toHaveText("Endpoint healthy");
  expect(await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM callback_endpoints WHERE store_id = $1`, [merchant.storeId])).rows[0].n)).toBe(0);
});
