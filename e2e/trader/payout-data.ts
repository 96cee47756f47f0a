// Payouts of the demo store offered to the demo trader, for the trader and merchant specs. A
// payout is offered, not pushed: it stays `created` and is offered to one online trader, who
// accepts or declines it. The specs route theirs to a requisite of their own (an amount range no
// seeded requisite accepts, see addRoutingRequisite), so only the demo trader can get the offer.
import { expect, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { uniqueId } from "../helpers/db";
import { DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { DEMO_LOGINS } from "../../prisma/demo-logins";

/** The demo trader's API token (trader API: accept, paid, …). */
export const DEMO_TRADER_AUTH = { authorization: `Bearer ${DEMO_LOGINS.traderApiToken}` };

/** The smallest PNG (1×1 pixel), as a receipt. */
export const RECEIPT_PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export interface PayoutDestination {
  type: "card" | "sbp" | "account";
  number: string;
  holder?: string;
  bank?: string;
}

export interface OfferedPayout {
  id: string;
  amount: number;
}

const offeredTo = async (db: pg.Client, id: string) =>
  (await db.query<{ status: string; offered_trader_id: number | null }>(`SELECT status, offered_trader_id FROM incoming_orders WHERE id = $1`, [id])).rows[0];

/**
 * A payout of the demo store in `range` (kopecks), offered to `traderId` (who must be online:
 * their cabinet open, or a trader API call within trader.online_window_seconds). When the offer
 * does not come within a few seconds (another spec may have switched the demo trader's traffic
 * off for a moment), the payout is cancelled and another one tried.
 */
export async function createOfferedPayout(
  request: APIRequestContext,
  db: pg.Client,
  input: { range: { min: bigint; max: bigint }; traderId: number; destination: PayoutDestination },
): Promise<OfferedPayout> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const amount = Number(input.range.min) + Math.floor(Math.random() * Number(input.range.max - input.range.min));
    const response = await request.post("/api/v1/payout", {
      headers: DEMO_MERCHANT_AUTH,
      data: { amount, currency: "RUB", customer_id: uniqueId("e2e-payout-cust"), merchant_order_id: uniqueId("e2e-payout"), destination: input.destination },
    });
    expect(response.status(), await response.text()).toBe(201);
    const order = (await response.json()) as { id: string; status: string };
    expect(order.status, "a payout waits for a trader to accept it").toBe("created");
    const offered = await expect
      .poll(async () => (await offeredTo(db, order.id)).offered_trader_id, { timeout: 8000 })
      .toBe(input.traderId)
      .then(() => true, () => false);
    if (offered) return { id: order.id, amount };
    await cancelPayout(request, order.id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The payout was never offered to the demo trader");
}

/** Cancels a payout nobody has accepted (cleanup); a payout past `created` is left as it is. */
export async function cancelPayout(request: APIRequestContext, id: string) {
  await request.post(`/api/v1/payout/${id}/cancel`, { headers: DEMO_MERCHANT_AUTH, data: {} });
}

/**
 * Takes a payout out of the demo trader's queue (cleanup): the merchant confirms it if the trader
 * marked it paid, or it is cancelled if nobody accepted it; anything else is left as it is.
 */
export async function finishPayout(request: APIRequestContext, id: string) {
  await request.post(`/api/v1/payout/${id}/confirm`, { headers: DEMO_MERCHANT_AUTH, data: {} });
  await cancelPayout(request, id);
}

/** Marks the demo trader online the way the trader API does (any authenticated call), and waits until it shows. */
export async function bringDemoTraderOnline(request: APIRequestContext, db: pg.Client, traderId: number) {
  const response = await request.get("/api/v1/trader/orders", { headers: DEMO_TRADER_AUTH });
  expect(response.status(), await response.text()).toBe(200);
  await expect
    .poll(async () => (await db.query(`SELECT last_seen_at > now() - interval '90 seconds' AS online FROM trader WHERE id = $1`, [traderId])).rows[0].online)
    .toBe(true);
}
