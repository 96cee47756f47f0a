// API tokens in the browser: a token created in the cabinet (shown once) authenticates the
// trader API; after it is revoked in the cabinet the API answers 401.
import { expect, test } from "@playwright/test";
import { waitForHydration } from "../helpers/cabinets";
import { sessionFile } from "../helpers/run";
import { openDb, uniqueId } from "../helpers/db";

test.use({ storageState: sessionFile("trader") });

test("create a token, use it, revoke it", async ({ page, request }) => {
  const name = uniqueId("E2E app");
  await page.goto("/trader/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  const create = page.getByRole("button", { name: "Create token" });
  await waitForHydration(create);
  await create.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create token" }).click();
  const token = (await dialog.getByTestId("new-api-token").innerText()).trim();
  expect(token).toMatch(/^jpt_[A-Za-z0-9_-]{40}$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const orders = () => request.get("/api/v1/trader/orders", { headers: { authorization: `Bearer ${token}` } });
  expect((await orders()).status()).toBe(200);

  const row = page.locator('[data-testid="api-token-row"]', { hasText: name });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(page.getByText(token)).toHaveCount(0);
  await row.getByRole("button", { name: `Revoke the token ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText(`Token ${name} revoked.`)).toBeVisible();
  await expect(row).toContainText("Revoked");

  const refused = await orders();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_api_token");

  const db = openDb();
  await db.connect();
  try {
    const { rows: [stored] } = await db.query(`SELECT id, revoked_at, token_prefix FROM trader_api_tokens WHERE name = $1`, [name]);
    expect(stored.revoked_at).not.toBeNull();
    expect(stored.token_prefix).toBe(token.slice(0, 12));
    const { rows: audits } = await db.query(`SELECT action FROM audit_logs WHERE entity_type = 'trader_api_token' AND entity_id = $1 ORDER BY id`, [String(stored.id)]);
    expect(audits.map((a) => a.action)).toEqual(["trader_api_token.created", "trader_api_token.revoked"]);
  } finally {
    await db.end();
  }
});
