// Support and an admin force a stuck order: a pay-in no requisite accepts (it waits `created`
// for matching retries) is opened from the support order page; "Force complete" is refused with
// the domain's reason (no trader has it), "Force cancel" needs a note and then cancels it through
// the engine, with the note in the order's history and an `order.forced` audit entry. An admin
// finds another such order by its id under Orders and force-cancels it the same way.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { cabinet, waitForHydration } from "../helpers/cabinets";
import { queryOne, uniqueId } from "../helpers/db";
import { createPayin } from "../helpers/gateway";
import { sessionFile } from "../helpers/run";

/** Kopecks: 146 000.00 – 146 999.99 RUB: above every seeded requisite, and no spec routes this range. */
const STUCK_RANGE = { min: 14_600_000, max: 14_699_999 };

async function stuckPayin(request: APIRequestContext) {
  const amount = STUCK_RANGE.min + Math.floor(Math.random() * (STUCK_RANGE.max - STUCK_RANGE.min));
  const order = await createPayin(request, { amount, merchantOrderId: uniqueId("e2e-stuck") });
  expect(order.status, "no requisite accepts the amount: the pay-in waits for matching").toBe("created");
  return order.id;
}

/** Opens the force dialog `name` ("Force complete" / "Force cancel") of the order page. */
async function openForceDialog(page: Page, name: string) {
  const trigger = page.getByTestId("force-order").getByRole("button", { name });
  await waitForHydration(trigger);
  await trigger.click();
  return page.getByRole("dialog");
}

async function forceCancel(page: Page, orderId: string, note: string) {
  const dialog = await openForceDialog(page, "Force cancel");
  await expect(dialog.getByRole("heading", { name: `Force-cancel order ${orderId}?` })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel the order" }).click();
  await expect(dialog.locator('[data-field-error="note"]'), "the note is required").toHaveText("Write a note: why is this order forced?");
  await dialog.getByLabel("Note (required)").fill(note);
  await dialog.getByRole("button", { name: "Cancel the order" }).click();
  await expect(page.getByText(`Order ${orderId} force-cancelled.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("force-order"), "an ended order has nothing left to force").toHaveCount(0);
  await expect(page.locator('[data-status="cancelled"]').first()).toBeVisible();
}

async function expectForced(orderId: string, note: string, email: string) {
  expect(await queryOne(`SELECT status FROM incoming_orders WHERE id = $1`, [orderId])).toEqual({ status: "cancelled" });
  expect(await queryOne(`SELECT from_status, status, note FROM order_history WHERE incoming_order_id = $1 ORDER BY id DESC LIMIT 1`, [orderId])).toEqual({
    from_status: "created",
    status: "cancelled",
    note,
  });
  const audit = await queryOne(
    `SELECT a.new_values, u.email FROM audit_logs a JOIN users u ON u.id = a.user_id WHERE a.action = 'order.forced' AND a.entity_id = $1`,
    [orderId],
  );
  expect(audit).toEqual({ new_values: { status: "cancelled", note }, email });
}

test.describe("as support", () => {
  test.use({ storageState: sessionFile("support") });

  test("force complete of an order without a trader is refused with the reason; force cancel with a note cancels it", async ({ page, request }) => {
    const orderId = await stuckPayin(request);
    await page.goto(`/support/orders/${orderId}`);
    await expect(page.getByRole("heading", { level: 2, name: "Force action" })).toBeVisible();

    const complete = await openForceDialog(page, "Force complete");
    await complete.getByLabel("Note (required)").fill("E2E: the customer says they paid");
    await complete.getByRole("button", { name: "Complete the order" }).click();
    await expect(complete.getByTestId("force-order-error")).toHaveText("No trader has this order, so it cannot be completed; cancel it instead.");
    await complete.getByRole("button", { name: "Cancel", exact: true }).click();
    expect(await queryOne(`SELECT status FROM incoming_orders WHERE id = $1`, [orderId]), "the refusal changed nothing").toEqual({ status: "created" });

    const note = `E2E: stuck without a requisite, merchant asked to cancel ${uniqueId("n")}`;
    await forceCancel(page, orderId, note);
    await expectForced(orderId, note, cabinet("support").email);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: sessionFile("admin") });

  test("finds a stuck order by its id under Orders and force-cancels it with a note", async ({ page, request }) => {
    const orderId = await stuckPayin(request);
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Cabinet" }).getByRole("link", { name: "Orders" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await page.getByLabel("Order id").fill(orderId);
    await page.getByRole("button", { name: "Open" }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/admin/orders/${orderId}`);
    await expect(page.getByRole("heading", { level: 1, name: `Order ${orderId}` })).toBeVisible();

    const note = `E2E: admin cancels a stuck order ${uniqueId("n")}`;
    await forceCancel(page, orderId, note);
    await expectForced(orderId, note, cabinet("admin").email);
  });
});
