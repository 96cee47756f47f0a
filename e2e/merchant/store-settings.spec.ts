// The demo store's settings in the browser: an API key created in the cabinet works on the
// gateway until it is revoked there; the callback URL is validated, saved with an audit row,
// and put back afterwards (other specs share the demo store).
import { expect, test } from "@playwright/test";
import { waitForHydration } from "../helpers/cabinets";
import { uniqueId, withDb } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { DEMO_STORE_NAME } from "./merchant-data";

test.use({ storageState: sessionFile("merchant") });

async function openDemoStore(page: import("@playwright/test").Page) {
  await page.goto("/merchant/stores");
  await page.getByRole("link", { name: `Settings of ${DEMO_STORE_NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_STORE_NAME })).toBeVisible();
}

test("creates an API key that works on the gateway until it is revoked", async ({ page, request }) => {
  const name = uniqueId("E2E key");
  await openDemoStore(page);
  const create = page.getByRole("button", { name: "Create key" });
  await waitForHydration(create);
  await page.getByLabel("Key name").fill(name);
  await create.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Your new API key" })).toBeVisible();
  const key = await dialog.getByTestId("secret-once").inputValue();
  expect(key).toMatch(/^jp_live_[A-Za-z0-9_-]{32}$/);
  await dialog.getByRole("button", { name: "Close" }).click();

  const balance = () => request.get("/api/v1/balance", { headers: { authorization: `Bearer ${key}` } });
  expect((await balance()).status()).toBe(200);

  const row = page.locator(`tr[data-key-prefix="${key.slice(0, 12)}"]`);
  await expect(row).toContainText(name);
  await expect(page.getByText(key)).toHaveCount(0);
  await row.getByRole("button", { name: `Revoke key ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key", exact: true }).click();
  await expect(page.getByText("API key revoked.")).toBeVisible();
  await expect(row).toContainText("Revoked");

  const refused = await balance();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_api_key");
  await withDb(async (db) => {
    const { rows: [stored] } = await db.query(`SELECT id, revoked_at, key_prefix FROM merchant_api_keys WHERE name = $1`, [name]);
    expect(stored.revoked_at).not.toBeNull();
    expect(stored.key_prefix).toBe(key.slice(0, 12));
    const { rows: audits } = await db.query(`SELECT action FROM audit_logs WHERE entity_type = 'merchant_api_key' AND entity_id = $1 ORDER BY id`, [String(stored.id)]);
    expect(audits.map((a) => a.action)).toEqual(["merchant_api_key.created", "merchant_api_key.revoked"]);
  });
});

test("sets the callback URL (refusing a bad one) and restores it", async ({ page }) => {
  const original = await withDb(async (db) => (await db.query(`SELECT id, callback_url FROM merchant_store WHERE name = $1`, [DEMO_STORE_NAME])).rows[0] as { id: number; callback_url: string | null });
  const url = `https://${uniqueId("e2e").toLowerCase()}.example/jivapay/hooks`;
  try {
    await openDemoStore(page);
    const input = page.getByLabel("URL", { exact: true });
    const save = page.getByRole("button", { name: "Save URL" });
    await waitForHydration(save);

    await input.fill("ftp://files.example/hook");
    await save.click();
    await expect(page.getByText("Enter a full http:// or https:// address.")).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");

    await input.fill(url);
    await save.click();
    await expect(page.getByText("Callback URL saved.")).toBeVisible();
    await expect(input).not.toHaveAttribute("aria-invalid", "true");
    await withDb(async (db) => {
      const { rows: [store] } = await db.query(`SELECT callback_url FROM merchant_store WHERE id = $1`, [original.id]);
      expect(store.callback_url).toBe(url);
      const { rows: [audit] } = await db.query(
        `SELECT old_values, new_values FROM audit_logs WHERE action = 'store.callback_url_updated' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [String(original.id)],
      );
      expect(audit).toEqual({ old_values: { callback_url: original.callback_url }, new_values: { callback_url: url } });
    });

    // Put it back through the cabinet, as a merchant would.
    await input.fill(original.callback_url ?? "");
    await save.click();
    await expect(page.getByText("Callback URL saved.").last()).toBeVisible();
    await expect.poll(() => withDb(async (db) => (await db.query(`SELECT callback_url FROM merchant_store WHERE id = $1`, [original.id])).rows[0].callback_url)).toBe(original.callback_url);
  } finally {
    await withDb((db) => db.query(`UPDATE merchant_store SET callback_url = $2 WHERE id = $1`, [original.id, original.callback_url]));
  }
});
