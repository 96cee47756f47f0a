// The merchant confirms a paid payout: a payout of the demo store, offered to the demo trader and
// brought to `paid` through the trader API (accept, then the receipt), waits on its order page
// with its confirmation deadline, "Confirm payout" and "Open dispute"; confirming completes it and
// repays the trader from the store's hold. The payout goes to a requisite of the spec's own (an
// amount range no seeded requisite accepts), so only the demo trader gets the offer.
import { expect, test } from "@playwright/test";
import { cabinet, waitForHydration } from "../helpers/cabinets";
import { openDb } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { bringDemoTraderOnline, cancelPayout, createOfferedPayout, DEMO_TRADER_AUTH, RECEIPT_PNG_BASE64 } from "../trader/payout-data";
import { addRoutingRequisite, demoTraderId, switchOffRequisite } from "../trader/trader-data";

test.use({ storageState: sessionFile("merchant") });

/** Kopecks: 103 000.01 – 103 999.99 RUB, above every seeded requisite and apart from other specs' ranges. */
const RANGE = { min: 10_300_001n, max: 10_399_999n };

test("a paid payout shows its confirmation deadline; the merchant confirms it and it completes", async ({ page, request }) => {
  test.setTimeout(60_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, RANGE);
  const traderId = await demoTraderId(db);
  let payoutId: string | undefined;
  try {
    await bringDemoTraderOnline(request, db, traderId);
    const destination = { type: "card" as const, number: "2200 7000 5555 0001", holder: "ANNA K.", bank: "Sberbank" };
    const payout = await createOfferedPayout(request, db, { range: RANGE, traderId, destination });
    payoutId = payout.id;

    const accepted = await request.post(`/api/v1/trader/orders/${payout.id}/accept`, { headers: DEMO_TRADER_AUTH, data: {} });
    expect(accepted.status(), await accepted.text()).toBe(200);
    expect(await accepted.json()).toMatchObject({ id: payout.id, status: "assigned" });
    const paid = await request.post(`/api/v1/trader/orders/${payout.id}/paid`, {
      headers: DEMO_TRADER_AUTH,
      data: { receipt: { file_name: "transfer.png", content_type: "image/png", data_base64: RECEIPT_PNG_BASE64 } },
    });
    expect(paid.status(), await paid.text()).toBe(200);
    expect(await paid.json()).toMatchObject({ id: payout.id, status: "paid" });

    await page.goto(`/merchant/orders/${payout.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Order ${payout.id}` })).toBeVisible();
    await expect(page.locator('[data-status="paid"]').first()).toBeVisible();
    await expect(page.getByTestId("payout-confirmation-deadline")).toContainText("Confirm it once the recipient has the money");
    await expect(page.getByRole("button", { name: "Open dispute" })).toBeVisible();
    await expect(page.getByText("transfer.png")).toBeVisible();

    const confirm = page.getByRole("button", { name: "Confirm payout" });
    await waitForHydration(confirm);
    await confirm.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Confirm the payout" })).toBeVisible();
    await dialog.getByRole("button", { name: "Yes, the recipient got it" }).click();
    await expect(page.getByText("Payout confirmed: it is completed.")).toBeVisible();
    await expect(page.locator('[data-status="completed"]').first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirm payout" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Open dispute" })).toHaveCount(0);

    const { rows: [stored] } = await db.query(`SELECT status, completed_at IS NOT NULL AS completed FROM incoming_orders WHERE id = $1`, [payout.id]);
    expect(stored).toEqual({ status: "completed", completed: true });
    const { rows: [step] } = await db.query(
      `SELECT h.from_status, h.status, h.actor_type, u.email FROM order_history h LEFT JOIN users u ON u.id = h.actor_user_id
        WHERE h.incoming_order_id = $1 ORDER BY h.id DESC LIMIT 1`,
      [payout.id],
    );
    expect(step).toMatchObject({ from_status: "paid", status: "completed", actor_type: "user", email: cabinet("merchant").email });
    const { rows: [repaid] } = await db.query(`SELECT COALESCE(sum(delta), 0)::text AS delta FROM balance_trader_crypto_history WHERE order_id = $1`, [payout.id]);
    expect(BigInt(repaid.delta), "the trader is repaid in USDT").toBeGreaterThan(0n);
  } finally {
    if (payoutId) await cancelPayout(request, payoutId);
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});
