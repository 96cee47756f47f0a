// The trader's queue by push (Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY): while the
// stream is up the cabinet polls nothing, and a pay-in created through the gateway API is on
// screen within 1.5 s (less than one old poll interval plus its round trip); a cancelled one
// leaves as fast. With the stream blocked, the cabinet polls every 2 s, and goes back to push
// when the stream comes back. Each test signs in as a trader of its own with a card in an amount
// range no seeded requisite accepts: no other spec's orders reach its queue (so "nothing read
// without a change" holds while the whole suite runs), and its orders disturb no one.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type pg from "pg";
import { DEMO_PASSWORD, submitLogin, waitForHydration } from "../helpers/cabinets";
import { createUserLike, DEMO_MERCHANT_KEY, openDb, uniqueId } from "../helpers/db";
import { luhnCardNumber } from "./trader-data";

test.use({ storageState: { cookies: [], origins: [] } });

/**
 * Kopecks: 146 800.00 – 146 899.99 RUB, above every seeded requisite's maximum and apart from
 * other specs' ranges; one half for each test, so their traders never get each other's pay-ins.
 */
const PUSH_RANGE = { min: 14_680_000n, max: 14_684_999n };
const POLL_RANGE = { min: 14_685_000n, max: 14_689_999n };
type Range = typeof PUSH_RANGE;
const STREAM_PATH = "/api/cabinet/trader/queue/stream";
const QUEUE_PATH = "/api/cabinet/trader/queue";
const merchant = { authorization: `Bearer ${DEMO_MERCHANT_KEY}` };

const DEPOSIT_MICRO_USDT = 10_000_000_000n; // 10 000 USDT, several such pay-ins

/**
 * A trader of the test's own with a USDT deposit (credited as the ledger does: balance and
 * history row) and one card for `range`, signed in on `page`. Returns the card's id.
 */
async function signInOwnTrader(page: Page, db: pg.Client, range: Range): Promise<number> {
  const { email, userId } = await createUserLike(db, "trader", "SSE Trader");
  const { rows: [trader] } = await db.query<{ id: number }>(`INSERT INTO trader (user_id, updated_at) VALUES ($1, now()) RETURNING id`, [userId]);
  const { rows: [requisite] } = await db.query<{ id: number }>(
    `WITH r AS (
       INSERT INTO req_trader (trader_id, type, payment_method_id, bank_id, details, status, updated_at)
       SELECT $1, 'card', (SELECT id FROM payment_methods WHERE code = 'card'), (SELECT id FROM banks WHERE code = 'sber'),
              jsonb_build_object('number', $2::text, 'holder', 'E2E SSE'), 'active', now()
       RETURNING id
     )
     INSERT INTO full_requisites_settings (req_id, currency_id, min_amount, max_amount, daily_limit)
     SELECT r.id, (SELECT id FROM currencies WHERE code = 'RUB'), $3, $4, $5 FROM r RETURNING req_id AS id`,
    [trader.id, luhnCardNumber(), range.min.toString(), range.max.toString(), (range.max * 1000n).toString()],
  );
  await db.query(
    `WITH b AS (
       INSERT INTO balance_trader_crypto (trader_id, currency_id, amount, held, updated_at)
       VALUES ($1, (SELECT id FROM currencies WHERE code = 'USDT'), $2, 0, now())
       RETURNING id, trader_id, currency_id, amount
     )
     INSERT INTO balance_trader_crypto_history (balance_id, trader_id, currency_id, delta, held_delta, balance_after, held_after, reason)
     SELECT id, trader_id, currency_id, amount, 0, amount, 0, 'deposit_credit' FROM b`,
    [trader.id, DEPOSIT_MICRO_USDT.toString()],
  );
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/trader");
  return requisite.id;
}

const switchOff = (db: pg.Client, requisiteId: number) => db.query(`UPDATE req_trader SET status = 'inactive', updated_at = now() WHERE id = $1`, [requisiteId]);

/** A pay-in in `range`, so routed to the test's card (tried again should it not be matched at once). */
async function createRoutedPayin(request: APIRequestContext, range: Range) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const amount = Number(range.min) + Math.floor(Math.random() * Number(range.max - range.min));
    const response = await request.post("/api/v1/payin", {
      headers: merchant,
      data: { amount, currency: "RUB", customer_id: uniqueId("e2e-sse-cust"), merchant_order_id: uniqueId("e2e-sse-payin") },
    });
    expect(response.status(), await response.text()).toBe(201);
    const order = (await response.json()) as { id: string; status: string };
    if (order.status === "awaiting_payment") return { order, answeredAt: Date.now() };
    await request.post(`/api/v1/payin/${order.id}/cancel`, { headers: merchant, data: {} });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The pay-in was never routed to the test's trader");
}

/** Counts the page's reads of the queue (not of its stream). */
function countQueueReads(page: Page) {
  const counter = { reads: 0 };
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === QUEUE_PATH) counter.reads += 1;
  });
  return counter;
}

const cardOf = (page: Page, id: string) => page.getByRole("main").locator(`[data-testid="queue-order"][data-order-id="${id}"]`);

test("while the stream is up nothing polls, and a new pay-in shows within 1.5 s and a cancelled one leaves as fast", async ({ page, request }) => {
  test.setTimeout(60_000);
  const db = openDb();
  await db.connect();
  const streamResponse = page.waitForResponse((response) => new URL(response.url()).pathname === STREAM_PATH);
  const counter = countQueueReads(page);
  const requisiteId = await signInOwnTrader(page, db, PUSH_RANGE);
  try {
    await waitForHydration(page.getByTestId("sound-toggle"));
    const queue = page.getByTestId("order-queue");
    await expect(queue).toHaveAttribute("data-live", "true");
    await expect(queue, "no polling while the stream is up").toHaveAttribute("data-poll-ms", "0");

    const stream = await streamResponse;
    expect(stream.status()).toBe(200);
    const headers = stream.headers();
    expect(headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(headers["cache-control"]).toBe("no-cache, no-transform");
    expect(headers["x-accel-buffering"]).toBe("no");
    expect(headers["content-encoding"], "not compressed (compression would buffer events)").toBeUndefined();

    // Longer than a poll interval: a poller would have read the queue at least once by now.
    await page.waitForTimeout(500); // the read the stream's `ready` asks for
    const readsBefore = counter.reads;
    await page.waitForTimeout(3_000);
    expect(counter.reads, "no queue reads without a change").toBe(readsBefore);

    const { order, answeredAt } = await createRoutedPayin(request, PUSH_RANGE);
    const card = cardOf(page, order.id);
    await expect(card, "the pay-in is on screen within 1.5 s of the API's answer").toBeVisible({ timeout: 1_500 });
    const shownAfterMs = Date.now() - answeredAt;
    test.info().annotations.push({ type: "shown after", description: `${shownAfterMs} ms` });
    await expect(card).toHaveAttribute("data-new", "true");
    await expect(page).toHaveTitle(/^\(\d+\) Order queue/);

    const cancelled = await request.post(`/api/v1/payin/${order.id}/cancel`, { headers: merchant, data: {} });
    expect(cancelled.status(), await cancelled.text()).toBe(200);
    await expect(card, "the cancelled pay-in leaves within 1.5 s").toHaveCount(0, { timeout: 1_500 });
    expect(counter.reads - readsBefore, "one read per change (two changes), give or take a coalesced one").toBeLessThanOrEqual(3);
  } finally {
    await switchOff(db, requisiteId);
    await db.end();
  }
});

test("with the stream blocked the queue polls every 2 s, and push resumes when the stream is back", async ({ page, request }) => {
  test.setTimeout(60_000);
  const db = openDb();
  await db.connect();
  await page.route(`**${STREAM_PATH}`, (route) => route.abort("connectionfailed"));
  const counter = countQueueReads(page);
  const requisiteId = await signInOwnTrader(page, db, POLL_RANGE);
  try {
    await waitForHydration(page.getByTestId("sound-toggle"));
    const queue = page.getByTestId("order-queue");
    await expect(queue).toHaveAttribute("data-live", "false");
    await expect(queue).toHaveAttribute("data-poll-ms", "2000");
    const readsBefore = counter.reads;
    await page.waitForTimeout(4_500);
    expect(counter.reads - readsBefore, "polled about every 2 s").toBeGreaterThanOrEqual(2);

    const { order } = await createRoutedPayin(request, POLL_RANGE);
    await expect(cardOf(page, order.id), "still shown by polling").toBeVisible({ timeout: 3_500 });

    await page.unroute(`**${STREAM_PATH}`);
    await expect(queue, "the stream reopens by itself").toHaveAttribute("data-live", "true", { timeout: 15_000 });
    await expect(queue).toHaveAttribute("data-poll-ms", "0");
    await request.post(`/api/v1/payin/${order.id}/cancel`, { headers: merchant, data: {} });
    await expect(cardOf(page, order.id)).toHaveCount(0, { timeout: 1_500 });
  } finally {
    await switchOff(db, requisiteId);
    await db.end();
  }
});
