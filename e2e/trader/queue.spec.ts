// The trader's story over the real app: a pay-in created through the gateway API appears in the
// demo trader's open queue within 3 seconds without a reload, is confirmed with "Payment
// received" + confirm, and the database shows it completed and the store credited u·(1−s); an
// accepted payout shows its destination, takes a receipt and then waits for the merchant's
// confirmation (payout-offer.spec.ts covers the offer itself). Each test routes its orders to a
// requisite of its own (an amount range no seeded requisite accepts), so other specs are not
// disturbed.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectFitsWidth, saveScreenshot, waitForHydration } from "../helpers/cabinets";
import { DEMO_MERCHANT_KEY, openDb, uniqueId } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { createOfferedPayout, finishPayout, RECEIPT_PNG_BASE64 } from "./payout-data";
import { addRoutingRequisite, demoTraderId, switchOffRequisite } from "./trader-data";

test.use({ storageState: sessionFile("trader") });

/** Kopecks: 123 400.00 – 123 499.99 RUB, above every seeded requisite's maximum. */
const RANGE = { min: 12_340_000n, max: 12_349_999n };
const DEMO_STORE_PAYIN_COMMISSION = { numerator: 3n, denominator: 100n };

/** Kopecks as the English cabinet prints them: 12345678 → "123,456.78". */
const rub = (kopecks: number) => `${Math.floor(kopecks / 100).toLocaleString("en-US")}.${String(kopecks % 100).padStart(2, "0")}`;

/**
 * A pay-in in `range`, so that only the routing requisite fits it. When it is not matched at
 * once (another spec may have switched the demo trader's traffic off for a moment), it is
 * cancelled and tried again. (Payouts are offered instead: see createOfferedPayout.)
 */
async function createRoutedPayin(request: APIRequestContext, range: { min: bigint; max: bigint }) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const amount = Number(range.min) + Math.floor(Math.random() * Number(range.max - range.min));
    const response = await request.post("/api/v1/payin", {
      headers: { authorization: `Bearer ${DEMO_MERCHANT_KEY}` },
      data: { amount, currency: "RUB", customer_id: uniqueId("e2e-trader-cust"), merchant_order_id: uniqueId("e2e-trader-payin") },
    });
    expect(response.status(), await response.text()).toBe(201);
    const order = await response.json();
    if (order.status === "awaiting_payment") return order as { id: string; amount: number; requisite: { number: string } | null };
    await request.post(`/api/v1/payin/${order.id}/cancel`, { headers: { authorization: `Bearer ${DEMO_MERCHANT_KEY}` }, data: {} });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The pay-in was never routed to the demo trader");
}

test("a new pay-in appears live, is confirmed, and the store is credited", async ({ page, request }, testInfo) => {
  test.setTimeout(60_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, RANGE);
  try {
    await page.goto("/trader");
    await expect(page.getByRole("heading", { level: 1, name: "Order queue" })).toBeVisible();
    await waitForHydration(page.getByTestId("sound-toggle"));
    const turnover = page.getByTestId("balance-turnover");
    const turnoverBefore = await turnover.innerText();

    const order = await createRoutedPayin(request, RANGE);
    expect(order.requisite?.number, "routed to the spec's own requisite").toBe(requisite.number);
    const card = page.getByRole("main").locator(`[data-testid="queue-order"][data-order-id="${order.id}"]`);
    await expect(card, "the new order is on screen within 3 s, without a reload").toBeVisible({ timeout: 3000 });
    await expect(card).toHaveAttribute("data-new", "true");
    await expect(card.getByTestId("queue-order-amount")).toContainText(rub(order.amount));
    await expect(page).toHaveTitle(/^\(\d+\) Order queue/);
    await saveScreenshot(page, testInfo, "trader");

    await card.getByRole("button", { name: "Payment received" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("confirm-amount")).toContainText(rub(order.amount));
    await dialog.getByRole("button", { name: "Yes, the money arrived" }).click();
    await expect(page.getByText(`Order ${order.id} completed.`)).toBeVisible();
    await expect(card).toHaveCount(0);
    await expect(turnover, "the balances on screen update").not.toHaveText(turnoverBefore);

    const { rows: [stored] } = await db.query(`SELECT status, crypto_amount FROM incoming_orders WHERE id = $1`, [order.id]);
    expect(stored.status).toBe("completed");
    const u = BigInt(stored.crypto_amount);
    const fee = (2n * u * DEMO_STORE_PAYIN_COMMISSION.numerator + DEMO_STORE_PAYIN_COMMISSION.denominator) / (2n * DEMO_STORE_PAYIN_COMMISSION.denominator);
    const { rows: [credit] } = await db.query(`SELECT COALESCE(sum(delta), 0)::text AS delta FROM balance_store_history WHERE order_id = $1`, [order.id]);
    expect(BigInt(credit.delta), "the store is credited u − round_half_up(u·s)").toBe(u - fee);
    const { rows: history } = await db.query(`SELECT status, actor_type FROM order_history WHERE incoming_order_id = $1 ORDER BY id`, [order.id]);
    expect(history.at(-1)).toEqual({ status: "completed", actor_type: "user" });
  } finally {
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

/** Kopecks: 100 000.01 – 100 999.99 RUB, above every seeded requisite and apart from RANGE. */
const PAYOUT_RANGE = { min: 10_000_001n, max: 10_099_999n };
/** The smallest PNG (1×1 pixel). */
const PNG = Buffer.from(RECEIPT_PNG_BASE64, "base64");

test("an accepted payout shows where to send the money, takes the receipt and waits for the merchant", async ({ page, request }) => {
  test.setTimeout(60_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, PAYOUT_RANGE);
  let payoutId: string | undefined;
  try {
    await page.goto("/trader");
    await waitForHydration(page.getByTestId("sound-toggle"));
    const destination = { type: "card" as const, number: "2200 7000 1234 5678", holder: "PETR S.", bank: "Alfa-Bank" };
    const payout = await createOfferedPayout(request, db, { range: PAYOUT_RANGE, traderId: await demoTraderId(db), destination });
    payoutId = payout.id;

    const card = page.getByRole("main").locator(`[data-testid="queue-order"][data-order-id="${payout.id}"]`);
    await expect(card).toBeVisible({ timeout: 5000 });
    await card.getByRole("button", { name: "Accept" }).click();
    await expect(card.getByTestId("queue-order-destination")).toHaveText(destination.number);
    await expect(card).toContainText("PETR S.");
    await expect(card).toContainText("Alfa-Bank");
    const { rows: [routed] } = await db.query(`SELECT requisite_id FROM incoming_orders WHERE id = $1`, [payout.id]);
    expect(routed.requisite_id, "paid from the spec's own requisite").toBe(requisite.id);

    await card.getByRole("button", { name: "Upload receipt" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Mark as paid" }).click();
    await expect(dialog.getByText("Choose the receipt file.")).toBeVisible();
    await dialog.getByLabel("Receipt (image or PDF)").setInputFiles({ name: "transfer.png", mimeType: "image/png", buffer: PNG });
    await dialog.getByRole("button", { name: "Mark as paid" }).click();
    await expect(page.getByText(`Payout ${payout.id} marked as paid.`)).toBeVisible();
    // Paid is not completed: the merchant confirms (or disputes) until the deadline, else it completes by itself.
    await expect(card.getByRole("button", { name: "Upload receipt" })).toHaveCount(0);
    await expect(card.locator('[data-status="paid"]')).toBeVisible();
    await expect(card.getByTestId("queue-order-awaiting-confirmation")).toContainText("Waiting for the merchant's confirmation until");

    const { rows: [stored] } = await db.query(`SELECT status, expires_at > now() AS deadline_ahead FROM incoming_orders WHERE id = $1`, [payout.id]);
    expect(stored).toEqual({ status: "paid", deadline_ahead: true });
    const { rows: receipts } = await db.query(`SELECT uploaded_via, content_type, size_bytes, file_name FROM receipts WHERE order_id = $1`, [payout.id]);
    expect(receipts).toEqual([{ uploaded_via: "trader", content_type: "image/png", size_bytes: PNG.length, file_name: "transfer.png" }]);
  } finally {
    // The merchant confirms it, so that it leaves the demo trader's queue (or, never accepted, it is cancelled).
    if (payoutId) {
      await finishPayout(request, payoutId);
    }
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

test("works on a 375 px wide phone without the page scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of ["/trader", "/trader/requisites", "/trader/balance", "/trader/api-tokens"]) {
    await page.goto(path);
    await expect(page.locator('main[data-cabinet="trader"] h1')).toBeVisible();
    await expectFitsWidth(page, path);
  }
});
