// The merchant's orders in the browser: filtering (kept in the URL, undone by the back button),
// the order page with its timeline and callback attempts, and the CSV export — for pay-ins this
// spec creates through the gateway API with the demo key.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { cabinet, expectCabinet, expectFitsWidth, saveScreenshot, waitForHydration } from "../helpers/cabinets";
import { uniqueId, withDb } from "../helpers/db";
import { cancelPayin, createPayin } from "../helpers/gateway";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("merchant") });

test("the dashboard shows today's numbers, balances and charts (screenshot)", async ({ page }, testInfo) => {
  await page.goto("/merchant");
  await expectCabinet(page, cabinet("merchant"));
  await expect(page.getByRole("heading", { level: 2, name: "Today" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Balances of Demo Store" })).toContainText("USDT");
  await expect(page.getByRole("heading", { name: "Turnover per day" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await saveScreenshot(page, testInfo, "merchant");
});

test("filters orders by merchant order id and status, opens one with its timeline and callback attempts", async ({ page, request }) => {
  const merchantOrderId = uniqueId("e2e-mo");
  const created = await createPayin(request, { merchantOrderId, customerId: uniqueId("e2e-cust") });
  const order = await cancelPayin(request, created.id);
  expect(order.status).toBe("cancelled");

  await page.goto("/merchant/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const apply = page.getByRole("button", { name: "Apply filters" });
  await waitForHydration(apply);
  await page.getByLabel("Order, merchant order or customer id").fill(merchantOrderId);
  await page.getByLabel("Status").selectOption("cancelled");
  await apply.click();
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === merchantOrderId && url.searchParams.get("status") === "cancelled");
  const rows = page.locator("tr[data-order-id]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-order-id", order.id);
  await expect(rows.first()).toContainText("cancelled");

  // Another status: nothing matches. Back restores the previous filters (the URL carries them).
  await page.getByLabel("Status").selectOption("completed");
  await apply.click();
  await expect(page.getByText("No orders match these filters.")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL((url) => url.searchParams.get("status") === "cancelled");
  await expect(page.getByLabel("Status")).toHaveValue("cancelled");
  await expect(page.locator("tr[data-order-id]")).toHaveCount(1);

  await page.getByRole("link", { name: order.id }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order ${order.id}` })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Status timeline" });
  await expect(timeline.locator("li[data-status=cancelled]")).toBeVisible();
  await expect(timeline).toContainText("Your API");

  // The demo store's URL has no server behind it: every attempt is recorded with its error.
  const first = page.locator("li[data-callback-id]").first();
  await expect(first).toBeVisible();
  const resend = first.getByRole("button", { name: /^Resend / });
  await waitForHydration(resend);
  await resend.click();
  await expect(page.getByText(/^Sent again, but not delivered: /)).toBeVisible();
  await expect(first.getByTestId("callback-attempt").first()).toBeVisible();
  const attempts = await withDb(async (db) => {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM callback_attempts a JOIN callback_deliveries d ON d.id = a.delivery_id WHERE d.order_id = $1`, [order.id]);
    return rows[0].n as number;
  });
  expect(attempts).toBeGreaterThanOrEqual(1);
});

test("exports the filtered orders as CSV: BOM, CRLF, Cyrillic intact", async ({ page, request }) => {
  const customerId = `Покупатель ${uniqueId("ё")}`;
  const order = await createPayin(request, { merchantOrderId: uniqueId("e2e-csv"), customerId });

  await page.goto(`/merchant/orders?q=${encodeURIComponent(customerId)}`);
  await expect(page.locator("tr[data-order-id]")).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^orders-\d{8}-\d{4}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  const lines = text.split("\r\n");
  expect(lines.at(-1)).toBe("");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe("id,merchant_order_id,type,status,store_id,store,customer_id,amount,currency,crypto_amount,rate,failure_reason,created_at,completed_at");
  const fields = lines[1].split(",");
  expect(fields[0]).toBe(order.id);
  expect(fields[6]).toBe(customerId);
  expect(fields[7]).toMatch(/^\d+\.\d{2}$/);
  expect(text).not.toMatch(/[^\r]\n/);
});

test("the orders list and an order page fit a 375 px phone", async ({ page, request }) => {
  const order = await createPayin(request, { merchantOrderId: uniqueId("e2e-phone"), customerId: uniqueId("e2e-cust") });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/merchant/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expectFitsWidth(page, "the orders list");
  // The table scrolls sideways inside its own box, which stays within the screen.
  const table = page.locator('[data-slot="table-container"]').first();
  await expect(table).toBeVisible();
  const box = (await table.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);

  await page.goto(`/merchant/orders/${order.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Order ${order.id}` })).toBeVisible();
  await expectFitsWidth(page, "the order page");
});
