// Payouts are offered, not pushed: with the demo trader's queue open (so they are online), a
// payout created through the gateway API appears as an "Offer" card — the amount, the
// destination's kind, bank and last four digits only, a countdown — with Accept and Decline.
// Accepting makes it the trader's (assigned, full destination, Release next to the receipt
// upload); releasing gives it back with a reason; a declined offer leaves the queue and is never
// offered to them again. Payouts go to a requisite of the spec's own (an amount range no seeded
// requisite accepts), and are cancelled at the end.
import { expect, test } from "@playwright/test";
import { saveScreenshot, waitForHydration } from "../helpers/cabinets";
import { openDb } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { cancelPayout, createOfferedPayout } from "./payout-data";
import { addRoutingRequisite, demoTraderId, switchOffRequisite } from "./trader-data";

test.use({ storageState: sessionFile("trader") });

/** Kopecks: 102 000.01 – 102 999.99 RUB, above every seeded requisite and apart from other specs' ranges. */
const RANGE = { min: 10_200_001n, max: 10_299_999n };

const rub = (kopecks: number) => `${Math.floor(kopecks / 100).toLocaleString("en-US")}.${String(kopecks % 100).padStart(2, "0")}`;

test("the trader accepts one offered payout, releases it, and declines another", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, RANGE);
  const traderId = await demoTraderId(db);
  const created: string[] = [];
  try {
    // The open queue polls every two seconds, which marks the trader online.
    await page.goto("/trader");
    await waitForHydration(page.getByTestId("sound-toggle"));

    const destination = { type: "card" as const, number: "2200 7000 8765 4321", holder: "OLGA V.", bank: "Tinkoff" };
    const payout = await createOfferedPayout(request, db, { range: RANGE, traderId, destination });
    created.push(payout.id);
    const card = page.getByRole("main").locator(`[data-testid="queue-order"][data-order-id="${payout.id}"]`);
    await expect(card, "the offer is on screen without a reload").toBeVisible({ timeout: 5000 });
    await expect(card).toHaveAttribute("data-offer", "true");
    await expect(card).toHaveAttribute("data-new", "true");
    await expect(card).toContainText("Offer");
    await expect(card.getByTestId("queue-order-amount")).toContainText(rub(payout.amount));
    await expect(card.getByTestId("queue-order-destination"), "only the last four digits before accepting").toHaveText("•••• 4321");
    await expect(card).toContainText("Tinkoff");
    await expect(card).not.toContainText("8765");
    await expect(card).not.toContainText("OLGA V.");
    await expect(card.getByTitle("Time left to answer the offer")).toBeVisible();
    await saveScreenshot(page, testInfo, "trader-payout-offer");

    await card.getByRole("button", { name: "Accept" }).click();
    await expect(page.getByText(`Payout ${payout.id} is yours`)).toBeVisible();
    await expect(card).not.toHaveAttribute("data-offer", "true");
    await expect(card.locator('[data-status="assigned"]')).toBeVisible();
    await expect(card.getByTestId("queue-order-destination"), "the full destination once accepted").toHaveText(destination.number);
    await expect(card).toContainText("OLGA V.");
    await expect(card.getByRole("button", { name: "Upload receipt" })).toBeVisible();
    const { rows: [accepted] } = await db.query(`SELECT status, trader_id, requisite_id, offered_trader_id FROM incoming_orders WHERE id = $1`, [payout.id]);
    expect(accepted).toEqual({ status: "assigned", trader_id: traderId, requisite_id: requisite.id, offered_trader_id: null });

    // Released before paying, with a reason: it leaves the queue and goes back to `created`.
    await card.getByRole("button", { name: "Release" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason (optional)").fill("E2E: my card is over its limit today");
    await dialog.getByRole("button", { name: "Release payout" }).click();
    await expect(page.getByText(`Payout ${payout.id} released.`)).toBeVisible();
    await expect(card).toHaveCount(0);
    const { rows: [released] } = await db.query(`SELECT status, trader_id, declined_trader_ids FROM incoming_orders WHERE id = $1`, [payout.id]);
    expect(released).toMatchObject({ trader_id: null, declined_trader_ids: [traderId] });
    expect(["created", "failed"]).toContain(released.status);
    const { rows: [note] } = await db.query(`SELECT from_status, status, note FROM order_history WHERE incoming_order_id = $1 ORDER BY id DESC LIMIT 1`, [payout.id]);
    expect(note).toEqual({ from_status: "assigned", status: "created", note: "E2E: my card is over its limit today" });

    // Another offer, declined: it leaves the queue and is never offered to this trader again.
    const other = await createOfferedPayout(request, db, { range: RANGE, traderId, destination });
    created.push(other.id);
    const otherCard = page.getByRole("main").locator(`[data-testid="queue-order"][data-order-id="${other.id}"]`);
    await expect(otherCard).toBeVisible({ timeout: 5000 });
    await otherCard.getByRole("button", { name: "Decline" }).click();
    await expect(page.getByText(`Payout ${other.id} declined`)).toBeVisible();
    await expect(otherCard).toHaveCount(0);
    const { rows: [declined] } = await db.query(`SELECT status, offered_trader_id, declined_trader_ids FROM incoming_orders WHERE id = $1`, [other.id]);
    expect(declined).toMatchObject({ offered_trader_id: null, declined_trader_ids: [traderId] });
    await page.waitForTimeout(2500); // a poll later it is still gone
    await expect(otherCard).toHaveCount(0);
  } finally {
    for (const id of created) await cancelPayout(request, id);
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});
