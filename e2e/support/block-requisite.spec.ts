// Blocking a requisite end to end: support blocks the requisite of an order from the order page
// (a missing reason is a field error), the trader sees it "Blocked" with the reason and without a
// switch, and an admin unblocks it from the traders page, after which it is Off for the trader.
// The requisite is the spec's own card of the demo trader, routed to by an amount range no
// seeded requisite (and no other spec) accepts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { cabinet, saveScreenshot, waitForHydration } from "../helpers/cabinets";
import { openDb, uniqueId } from "../helpers/db";
import { DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { sessionFile } from "../helpers/run";
import { addRoutingRequisite } from "../trader/trader-data";

test.use({ storageState: sessionFile("support") });

/** Kopecks: 135 700.00 – 135 799.99 RUB, above every seeded requisite's maximum. */
const RANGE = { min: 13_570_000n, max: 13_579_999n };

/**
 * A pay-in that only the spec's requisite fits, cancelled by the merchant at once (it keeps its
 * requisite, and leaves nothing in the demo trader's queue). Retried when it was not matched
 * (another spec may have switched the demo trader's traffic off for a moment).
 */
async function cancelledRoutedPayin(request: APIRequestContext): Promise<{ id: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const amount = Number(RANGE.min) + Math.floor(Math.random() * Number(RANGE.max - RANGE.min));
    const response = await request.post("/api/v1/payin", {
      headers: DEMO_MERCHANT_AUTH,
      data: { amount, currency: "RUB", customer_id: uniqueId("e2e-block-cust"), merchant_order_id: uniqueId("e2e-block-order") },
    });
    expect(response.status(), await response.text()).toBe(201);
    const order = await response.json();
    const cancel = await request.post(`/api/v1/payin/${order.id}/cancel`, { headers: DEMO_MERCHANT_AUTH, data: {} });
    expect(cancel.status(), await cancel.text()).toBe(200);
    if (order.status === "awaiting_payment") return order;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The pay-in was never routed to the demo trader");
}

const requisiteRow = async (db: pg.Client, id: number) =>
  (await db.query<{ status: string; blocked_reason: string | null }>(`SELECT status, blocked_reason FROM req_trader WHERE id = $1`, [id])).rows[0];

const auditOf = async (db: pg.Client, id: number) =>
  (
    await db.query(
      `SELECT a.action, a.old_values, a.new_values, u.email FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.entity_type = 'requisite' AND a.entity_id = $1 AND a.action LIKE 'requisite.%blocked' ORDER BY a.id`,
      [String(id)],
    )
  ).rows;

test("support blocks an order's requisite with a reason; the trader sees it blocked; an admin unblocks it", async ({ page, request, browser }, testInfo) => {
  test.slow(); // three people in three browsers
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, RANGE);
  const last4 = `•••• ${requisite.number.slice(-4)}`;
  const reason = `E2E: card reported by the bank ${uniqueId("r")}`;
  try {
    const order = await cancelledRoutedPayin(request);

    // Support, on the order's page.
    await page.goto(`/support/orders/${order.id}`);
    const section = page.getByTestId("order-requisite");
    await expect(section).toHaveAttribute("data-requisite-id", String(requisite.id));
    await expect(section).toContainText(last4);
    await expect(section.locator("[data-requisite-status]")).toHaveText("On");
    const block = section.getByRole("button", { name: /^Block requisite/ });
    await waitForHydration(block);
    await block.click();
    const dialog = page.getByRole("dialog", { name: "Block this requisite" });
    await dialog.getByRole("button", { name: "Block", exact: true }).click();
    await expect(dialog.locator('[data-field-error="reason"]')).toHaveText("Give a reason of 3 to 500 characters.");
    expect(await requisiteRow(db, requisite.id)).toEqual({ status: "active", blocked_reason: null });

    await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: "Block", exact: true }).click();
    await expect(page.getByText("Requisite blocked.")).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(section.locator("[data-requisite-status]")).toHaveText("Blocked");
    await expect(section).toContainText(`Reason: ${reason}`);
    await expect(section.getByRole("button", { name: /^Unblock requisite/ })).toBeVisible();
    await saveScreenshot(page, testInfo, "support-order-requisite-blocked");
    expect(await requisiteRow(db, requisite.id)).toEqual({ status: "blocked", blocked_reason: reason });
    expect(await auditOf(db, requisite.id)).toEqual([
      { action: "requisite.blocked", old_values: { status: "active" }, new_values: { status: "blocked", reason }, email: cabinet("support").email },
    ]);

    // The trader: blocked, with the reason, and no switch to turn it back on.
    const traderContext = await browser.newContext({ storageState: sessionFile("trader") });
    const traderPage = await traderContext.newPage();
    try {
      await traderPage.goto("/trader/requisites");
      const row = traderPage.getByRole("main").locator(`[data-testid="requisite-row"][data-requisite-id="${requisite.id}"]`);
      await expect(row.getByTestId("requisite-status")).toHaveText("Blocked");
      await expect(row.getByTestId("requisite-blocked-reason")).toContainText(`Blocked by the platform: ${reason}`);
      await expect(row.getByRole("switch")).toHaveCount(0);
      await expect(row.getByRole("button", { name: /limits/i })).toHaveCount(0);
      await saveScreenshot(traderPage, testInfo, "trader-requisite-blocked");

      // An admin lifts the block from the traders page.
      const adminContext = await browser.newContext({ storageState: sessionFile("admin") });
      const adminPage = await adminContext.newPage();
      try {
        await adminPage.goto(`/admin/traders?q=${encodeURIComponent(cabinet("trader").email)}`);
        const item = adminPage.getByRole("main").locator(`[data-testid="trader-requisite"][data-requisite-id="${requisite.id}"]`);
        await expect(item).toContainText(last4);
        await expect(item.locator("[data-requisite-status]")).toHaveText("Blocked");
        await expect(item).toContainText(`Reason: ${reason}`);
        await saveScreenshot(adminPage, testInfo, "admin-traders-requisite-blocked");
        const unblock = item.getByRole("button", { name: /^Unblock requisite/ });
        await waitForHydration(unblock);
        await unblock.click();
        const unblockDialog = adminPage.getByRole("dialog", { name: "Unblock this requisite" });
        await unblockDialog.getByLabel("Reason").fill("E2E: the bank cleared the card");
        await unblockDialog.getByRole("button", { name: "Unblock", exact: true }).click();
        await expect(adminPage.getByText("Requisite unblocked: it is Off until the trader switches it on.")).toBeVisible();
        await expect(item.locator("[data-requisite-status]")).toHaveText("Off");
        expect(await requisiteRow(db, requisite.id)).toEqual({ status: "inactive", blocked_reason: null });
        expect((await auditOf(db, requisite.id)).map((row) => [row.action, row.email])).toEqual([
          ["requisite.blocked", cabinet("support").email],
          ["requisite.unblocked", cabinet("admin").email],
        ]);
      } finally {
        await adminContext.close();
      }

      // Off for the trader now, with the switch back.
      await traderPage.reload();
      await expect(row.getByTestId("requisite-status")).toHaveText("Off");
      await expect(row.getByRole("switch")).not.toBeChecked();
      await expect(row.getByTestId("requisite-blocked-reason")).toHaveCount(0);
    } finally {
      await traderContext.close();
    }
  } finally {
    await db.query(`UPDATE req_trader SET status = 'inactive', blocked_reason = NULL, updated_at = now() WHERE id = $1`, [requisite.id]);
    await db.end();
  }
});
