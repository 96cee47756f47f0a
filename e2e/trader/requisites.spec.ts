// Requisites in the browser: add a card (after a refused attempt that shows field errors),
// switch it off and on; the database follows each step, with audit rows.
import { expect, test } from "@playwright/test";
import { waitForHydration } from "../helpers/cabinets";
import { openDb } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { demoTraderId, luhnCardNumber, switchOffRequisite } from "./trader-data";

test.use({ storageState: sessionFile("trader") });

test("add a requisite, then switch it off and on", async ({ page }) => {
  const db = openDb();
  await db.connect();
  const number = luhnCardNumber();
  let requisiteId: number | null = null;
  try {
    await page.goto("/trader/requisites");
    await expect(page.getByRole("heading", { level: 1, name: "Requisites" })).toBeVisible();
    const add = page.getByRole("button", { name: "Add requisite" });
    await waitForHydration(add);
    await add.click();
    const dialog = page.getByRole("dialog", { name: "Add a requisite" });

    // A mistyped number and limits the wrong way round: each field says what to fix.
    await dialog.getByLabel("Bank").selectOption({ label: "VTB" });
    await dialog.getByLabel("Card number").fill("2200 0000 0000 0001");
    await dialog.getByLabel("Holder").fill("EVA HOLDER");
    await dialog.getByLabel("Minimum per order").fill("777 100");
    await dialog.getByLabel("Maximum per order").fill("777 000");
    await dialog.getByLabel("Daily limit").fill("1 000 000");
    await dialog.getByRole("button", { name: "Add requisite" }).click();
    await expect(dialog.getByText("Enter a valid card number (16 to 19 digits).")).toBeVisible();
    await expect(dialog.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("The maximum must not be below the minimum.")).toBeVisible();

    // A narrow, unusual range: no other spec's pay-in is routed to this card.
    await dialog.getByLabel("Card number").fill(number.replace(/(\d{4})(?=\d)/g, "$1 "));
    await dialog.getByLabel("Minimum per order").fill("777 000");
    await dialog.getByLabel("Maximum per order").fill("777 100.50");
    await dialog.getByRole("button", { name: "Add requisite" }).click();
    await expect(page.getByText("Requisite added.")).toBeVisible();
    await expect(dialog).toHaveCount(0);

    const traderId = await demoTraderId(db);
    const { rows: [created] } = await db.query(
      `SELECT r.id, r.status, r.details, s.min_amount::text, s.max_amount::text, s.daily_limit::text, b.name AS bank
       FROM req_trader r JOIN full_requisites_settings s ON s.req_id = r.id JOIN banks b ON b.id = r.bank_id
       WHERE r.trader_id = $1 AND r.details->>'number' = $2`,
      [traderId, number],
    );
    requisiteId = created.id;
    expect(created).toMatchObject({ status: "active", details: { number, holder: "EVA HOLDER" }, min_amount: "77700000", max_amount: "77710050", daily_limit: "100000000", bank: "VTB" });

    const row = page.getByRole("main").locator(`[data-testid="requisite-row"][data-requisite-id="${created.id}"]`);
    await expect(row).toContainText(`•••• ${number.slice(-4)}`);
    await expect(row).not.toContainText(number);
    const toggle = row.getByRole("switch");
    await expect(toggle).toBeChecked();

    await toggle.click();
    await expect(row.getByTestId("requisite-status")).toHaveText("Off");
    await expect.poll(async () => (await db.query(`SELECT status FROM req_trader WHERE id = $1`, [created.id])).rows[0].status).toBe("inactive");
    await toggle.click();
    await expect(row.getByTestId("requisite-status")).toHaveText("On");
    await expect.poll(async () => (await db.query(`SELECT status FROM req_trader WHERE id = $1`, [created.id])).rows[0].status).toBe("active");

    const { rows: audits } = await db.query(
      `SELECT action, old_values, new_values FROM audit_logs WHERE entity_type = 'requisite' AND entity_id = $1 ORDER BY id`,
      [String(created.id)],
    );
    expect(audits.map((a) => a.action)).toEqual(["requisite.created", "requisite.status_changed", "requisite.status_changed"]);
    expect(audits[1]).toMatchObject({ old_values: { status: "active" }, new_values: { status: "inactive" } });
  } finally {
    if (requisiteId !== null) await switchOffRequisite(db, requisiteId);
    await db.end();
  }
});
